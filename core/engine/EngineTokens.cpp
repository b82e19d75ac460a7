// SPDX-License-Identifier: MIT
// REST API tokens: created, listed, revoked (engine/ApiTokenBook.cpp) and verified here; stored hashed
// (storage/StoreTokens.cpp).
#include "engine/ApiTokenBook.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "metrics/PrometheusText.h"

namespace kms {

namespace {

constexpr qint64 kNoteUseEveryMs = 60'000;

// Equal lengths compared without an early exit: how long it takes says nothing about where the
// two differ.
bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

std::optional<ApiTokenCreated> Engine::createApiToken(const QString &name, ApiTokenScope scope, QString *error)
{
    auto writerLock = m_stores->writer();
    return apitokens::create(*writerLock, name, scope, error);
}

QList<ApiToken> Engine::apiTokens()
{
    return withReader([](Store &s) { return s.apiTokens(); });
}

bool Engine::revokeApiToken(const QString &name, QString *error)
{
    auto writerLock = m_stores->writer();
    return apitokens::revoke(*writerLock, name, error);
}

std::optional<ApiToken> Engine::verifyApiToken(const QByteArray &presented)
{
    if (presented.isEmpty() || presented.size() > 256)
        return std::nullopt;
    // The lookup is by hash, so its timing tells nothing about the stored tokens; the stored hash
    // is compared once more in constant time rather than trusting the index's byte comparison.
    const QByteArray hash = apitokens::hashOf(presented);
    QByteArray stored;
    const auto token = withReader([&](Store &s) { return s.activeApiToken(hash, &stored); });
    if (!token || !constantTimeEqual(hash, stored))
        return std::nullopt;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool note = false;
    {
        std::lock_guard lock(m_tokenUseMutex);
        qint64 &last = m_tokenNotedAt[token->id];
        if (now - last >= kNoteUseEveryMs) {
            last = now;
            note = true;
        }
    }
    if (note)
        m_stores->writer()->touchApiToken(token->id, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
    return token;
}

QByteArray Engine::prometheusMetrics()
{
    PrometheusWriter out;
    writeMetrics(out, *m_metrics);
    const StoreCounts c = counts();
    out.gauge(QStringLiteral("kms_records"), QStringLiteral("Records in the store."), double(c.cases),
              {{QStringLiteral("collection"), QStringLiteral("cases")}});
    out.gauge(QStringLiteral("kms_records"), QStringLiteral("Records in the store."), double(c.knowledge),
              {{QStringLiteral("collection"), QStringLiteral("knowledge")}});
    out.gauge(QStringLiteral("kms_index_vectors"), QStringLiteral("Vectors in the HNSW index."),
              double(status().indexVectors));
    out.gauge(QStringLiteral("kms_vector_backlog"), QStringLiteral("Records stored without a vector yet."),
              double(vectorBacklog()));
    return out.text();
}

} // namespace kms
