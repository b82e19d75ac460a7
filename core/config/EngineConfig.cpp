// SPDX-License-Identifier: MIT
#include "config/EngineConfig.h"

#include <QThread>
#include <QUrl>

#include <algorithm>
#include <array>

namespace kms {

namespace {
struct IntKey {
    const char *name;
    int EngineConfig::*member;
    int min;
    int max;
};

// One table drives serialisation and validation, so the two cannot drift apart.
constexpr std::array<IntKey, 9> kKeys{{
    {"embeddingDimension", &EngineConfig::embeddingDimension, 16, 4096},
    {"hnswM", &EngineConfig::hnswM, 4, 128},
    {"hnswEfConstruction", &EngineConfig::hnswEfConstruction, 8, 2000},
    {"hnswEfSearch", &EngineConfig::hnswEfSearch, 8, 5000},
    {"workers", &EngineConfig::workers, 0, 128},
    {"batchSize", &EngineConfig::batchSize, 0, EngineConfig::kMaxBatchSize},
    {"embeddingCacheEntries", &EngineConfig::embeddingCacheEntries, 0, 10'000'000},
    {"indexSaveIntervalSec", &EngineConfig::indexSaveIntervalSec, 10, 86'400},
    {"metricsRetentionDays", &EngineConfig::metricsRetentionDays, 1, 3650},
}};
// A bare file name: the model must live in the data directory's models folder.
bool validLsaModelName(const QString &name)
{
    return !name.isEmpty() && name.size() <= 128 && !name.contains(QLatin1Char('/'))
           && !name.contains(QLatin1Char('\\')) && name != QLatin1String(".") && name != QLatin1String("..");
}
// What is wrong with the openai / bert provider's own settings, the message starting with the key.
QString providerProblem(const EngineConfig &c)
{
    if (c.embedderProvider == QLatin1String("openai")) {
        if (const QString why = c.remote.validate(); !why.isEmpty())
            return QStringLiteral("remote.") + why;
    }
    if (c.embedderProvider == QLatin1String("bert") && c.bertModel.trimmed().isEmpty())
        return QStringLiteral("bertModel is required with the bert provider: a sentence-transformers model folder "
                              "(with config.json, vocab.txt and model.safetensors)");
    return {};
}
// The form of a Redis URL only (core/distributed parses it fully): the config library links no
// Redis client. rediss:// is refused here already, so that the setting cannot promise TLS.
QString redisUrlProblem(const QString &url)
{
    if (url.isEmpty())
        return {};
    if (url.startsWith(QLatin1String("rediss://"), Qt::CaseInsensitive))
        return QStringLiteral("redisUrl: TLS (rediss://) is not supported by this build's Redis client (hiredis 0.14); "
                              "use redis:// inside a trusted network or through a tunnel");
    const QUrl u(url, QUrl::StrictMode);
    if (!url.startsWith(QLatin1String("redis://"), Qt::CaseInsensitive) || !u.isValid() || u.host().isEmpty())
        return QStringLiteral("redisUrl must look like redis://[user:password@]host:port[/db], got \"%1\"").arg(url);
    return {};
}
} // namespace

QStringList EngineConfig::providers()
{
    return {QStringLiteral("hash"), QStringLiteral("lsa"), QStringLiteral("openai"), QStringLiteral("bert")};
}

QJsonObject EngineConfig::toJson() const
{
    QJsonObject o;
    for (const auto &k : kKeys)
        o.insert(QLatin1String(k.name), this->*k.member);
    o.insert(QStringLiteral("embedderProvider"), embedderProvider);
    if (!lsaModel.isEmpty())
        o.insert(QStringLiteral("lsaModel"), lsaModel);
    if (remote != RemoteEmbedderConfig{})
        o.insert(QStringLiteral("remote"), remote.toJson());
    for (const auto &[name, value] : {std::pair{"bertModel", &bertModel}, std::pair{"bertQueryPrefix", &bertQueryPrefix},
                                      std::pair{"bertDocumentPrefix", &bertDocumentPrefix},
                                      std::pair{"redisUrl", &redisUrl}}) {
        if (!value->isEmpty())
            o.insert(QLatin1String(name), *value);
    }
    return o;
}

EngineConfig EngineConfig::fromJson(const QJsonObject &o, QString *error)
{
    EngineConfig c;
    for (const auto &k : kKeys) {
        const QJsonValue v = o.value(QLatin1String(k.name));
        if (v.isUndefined())
            continue;
        if (!v.isDouble()) {
            if (error)
                *error = QStringLiteral("%1 must be a number").arg(QLatin1String(k.name));
            return EngineConfig{};
        }
        c.*k.member = v.toInt();
    }
    for (const auto &[name, member] : {std::pair{"embedderProvider", &EngineConfig::embedderProvider},
                                       std::pair{"lsaModel", &EngineConfig::lsaModel},
                                       std::pair{"bertModel", &EngineConfig::bertModel},
                                       std::pair{"bertQueryPrefix", &EngineConfig::bertQueryPrefix},
                                       std::pair{"bertDocumentPrefix", &EngineConfig::bertDocumentPrefix},
                                       std::pair{"redisUrl", &EngineConfig::redisUrl}}) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isString()) {
            if (error)
                *error = QStringLiteral("%1 must be a string").arg(QLatin1String(name));
            return EngineConfig{};
        }
        c.*member = v.toString();
    }
    if (const QJsonValue v = o.value(QStringLiteral("remote")); !v.isUndefined()) {
        QString why;
        if (!v.isObject() || !RemoteEmbedderConfig::fromJson(v.toObject(), &c.remote, &why)) {
            if (error)
                *error = v.isObject() ? QStringLiteral("remote.") + why
                                     : QStringLiteral("remote must be an object (the openai provider's settings)");
            return EngineConfig{};
        }
    }
    if (!c.validate(error))
        return EngineConfig{};
    return c;
}

bool EngineConfig::validate(QString *error) const
{
    for (const auto &k : kKeys) {
        const int v = this->*k.member;
        if (v < k.min || v > k.max) {
            if (error)
                *error = QStringLiteral("%1 must be between %2 and %3, got %4")
                             .arg(QLatin1String(k.name)).arg(k.min).arg(k.max).arg(v);
            return false;
        }
    }
    if (batchSize != 0 && batchSize < kMinBatchSize) {
        if (error)
            *error = QStringLiteral("batchSize must be 0 (automatic) or between %1 and %2, got %3")
                         .arg(kMinBatchSize).arg(kMaxBatchSize).arg(batchSize);
        return false;
    }
    if (!providers().contains(embedderProvider)) {
        if (error)
            *error = QStringLiteral("embedderProvider must be one of %1, got \"%2\"")
                         .arg(providers().join(QStringLiteral(", ")), embedderProvider);
        return false;
    }
    if (embedderProvider == QLatin1String("lsa") && !validLsaModelName(lsaModel)) {
        if (error)
            *error = lsaModel.isEmpty()
                         ? QStringLiteral("lsaModel is required with the lsa provider: train one with kmsctl train-lsa")
                         : QStringLiteral("lsaModel must be a file name in the models folder, got \"%1\"").arg(lsaModel);
        return false;
    }
    if (const QString why = providerProblem(*this); !why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    if (const QString why = redisUrlProblem(redisUrl); !why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

QString EngineConfig::invalidKey() const
{
    for (const auto &k : kKeys) {
        const int v = this->*k.member;
        if (v < k.min || v > k.max)
            return QLatin1String(k.name);
    }
    if (batchSize != 0 && batchSize < kMinBatchSize)
        return QStringLiteral("batchSize");
    if (!providers().contains(embedderProvider))
        return QStringLiteral("embedderProvider");
    if (embedderProvider == QLatin1String("lsa") && !validLsaModelName(lsaModel))
        return QStringLiteral("lsaModel");
    if (const QString why = providerProblem(*this); !why.isEmpty())
        return why.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(':')); // "remote.base_url", "bertModel"
    if (!redisUrlProblem(redisUrl).isEmpty())
        return QStringLiteral("redisUrl");
    return {};
}

QList<EngineConfig::KeyInfo> EngineConfig::keys()
{
    const EngineConfig defaults;
    QList<KeyInfo> list;
    for (const auto &k : kKeys)
        list.append({QLatin1String(k.name), k.min, k.max, defaults.*k.member});
    return list;
}

int EngineConfig::value(const QString &key) const
{
    for (const auto &k : kKeys) {
        if (key == QLatin1String(k.name))
            return this->*k.member;
    }
    return 0;
}

bool EngineConfig::setValue(const QString &key, int v)
{
    for (const auto &k : kKeys) {
        if (key == QLatin1String(k.name)) {
            this->*k.member = v;
            return true;
        }
    }
    return false;
}

ConfigChange configChange(const EngineConfig &from, const EngineConfig &to)
{
    if (from.embedderProvider != to.embedderProvider)
        return ConfigChange::Reembed;
    // Each provider's own fields: the other provider's leftovers change no vector.
    if (to.embedderProvider == QLatin1String("hash") && from.embeddingDimension != to.embeddingDimension)
        return ConfigChange::Reembed;
    if (to.embedderProvider == QLatin1String("lsa") && from.lsaModel != to.lsaModel)
        return ConfigChange::Reembed;
    if (to.embedderProvider == QLatin1String("openai") && from.remote.embedderId() != to.remote.embedderId())
        return ConfigChange::Reembed;
    if (to.embedderProvider == QLatin1String("bert")
        && (from.bertModel != to.bertModel || from.bertQueryPrefix != to.bertQueryPrefix
            || from.bertDocumentPrefix != to.bertDocumentPrefix))
        return ConfigChange::Reembed;
    if (from.hnswM != to.hnswM || from.hnswEfConstruction != to.hnswEfConstruction)
        return ConfigChange::RebuildIndex;
    return from == to ? ConfigChange::None : ConfigChange::Immediate;
}

int EngineConfig::effectiveWorkers() const
{
    return workers > 0 ? workers : std::clamp(QThread::idealThreadCount(), 1, 128);
}

} // namespace kms
