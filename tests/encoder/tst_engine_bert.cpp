// SPDX-License-Identifier: MIT
// The bert provider end to end: a model folder as the store's embedder. Records are embedded from
// their display text with the document prefix, the vector's key is the hash of exactly that text,
// and switching between a lexical and a model embedder re-keys every record both ways.
#include "TinyBert.h"

#include "embed/ContentHash.h"
#include "encoder/BertEmbedder.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"
#include "index/VectorIndex.h"
#include "ingest/IngestOptions.h"
#include "ingest/RecordPreparer.h"
#include "text/Normalizer.h"
#include "../TestData.h"
#include "../TestEngine.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace kms;
using kms::test::tinyBert;

namespace {
EngineConfig bertConfig()
{
    EngineConfig c;
    c.embedderProvider = QStringLiteral("bert");
    c.bertModel = tinyBert().variant(QStringLiteral("mean_f32"));
    c.bertQueryPrefix = QStringLiteral("query: ");
    c.bertDocumentPrefix = QStringLiteral("passage: ");
    return c;
}

// What the store holds for one record: its text hash and that text's vector.
std::pair<quint64, std::vector<float>> storedOf(Engine &engine, const QString &externalId)
{
    return internals(engine).withReader([&](Store &s) {
        const auto r = s.record(Collection::Cases, externalId);
        if (!r)
            return std::pair<quint64, std::vector<float>>{};
        return std::pair{r->textHash, s.embeddings({r->textHash}).value(r->textHash)};
    });
}
} // namespace

class TestEngineBert : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (tinyBert().numpyMissing)
            QSKIP(qPrintable(tinyBert().error));
        QVERIFY2(tinyBert().error.isEmpty(), qPrintable(tinyBert().error));
    }

    void recordsAreEmbeddedFromTheirDisplayText()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 20));
        QString error;
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")), &error, bertConfig());
        QVERIFY2(engine, qPrintable(error));
        IngestOptions io;
        io.files = {file};
        QCOMPARE(engine->runJob(io).status, JobStatus::Completed);
        QCOMPARE(engine->counts().total(), qint64(20));
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        QCOMPARE(internals(*engine).index().size(), qint64(20));

        // The stored vector is the model's vector of the display text with the document prefix,
        // keyed by the hash of that text.
        BertEmbedderOptions options;
        options.queryPrefix = QStringLiteral("query: ");
        options.documentPrefix = QStringLiteral("passage: ");
        const auto model = BertEmbedder::load(bertConfig().bertModel, options, &error);
        QVERIFY2(model, qPrintable(error));
        const auto storedRecord = internals(*engine).withReader([](Store &s) { return s.record(Collection::Cases, QStringLiteral("CASE-4")); });
        QVERIFY(storedRecord);
        const Record &r = storedRecord->record;
        const QString text = RecordPreparer::modelText(Normalizer(), r);
        const auto [hash, stored] = storedOf(*engine, QStringLiteral("CASE-4"));
        QCOMPARE(hash, contentHash(QStringList{QStringLiteral("text"), text}));
        std::vector<float> expected(size_t(model->dimension()));
        QVERIFY(model->embed(EmbedInput{text, {}, false}, expected).allOk());
        QCOMPARE(stored.size(), expected.size());
        // Kept in 8 bits: within one step (largest / 127) of the model's. Not half a step: the
        // pipeline embedded it in a padded batch, whose sums may differ from this single
        // embedding's in the last float bits, on either side of a rounding boundary.
        float largest = 0;
        for (const float x : expected)
            largest = std::max(largest, std::abs(x));
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs(stored[i] - expected[i]) <= largest / 127 + 1e-6f, qPrintable(QString::number(i)));

        SearchQuery q;
        q.text = r.title;
        q.mode = SearchMode::Hybrid;
        const SearchResult found = engine->search(q);
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QCOMPARE(found.hits.value(0).externalId, QStringLiteral("CASE-4"));
        q.mode = SearchMode::Vector;
        QCOMPARE(engine->search(q).hits.size(), 10);

        const EmbedderTestResult t = engine->testEmbedder(engine->config());
        QVERIFY2(t.ok, qPrintable(t.error));
        QCOMPARE(t.dimension, model->dimension());
    }

    // hash -> bert -> hash: each switch re-embeds every record and re-keys its text hash to what
    // the new embedder reads; nothing is left in the backlog and the old vectors are removed.
    void switchingReadsRekeysEveryRecord()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 20));
        QString error;
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")), &error);
        QVERIFY2(engine, qPrintable(error));
        IngestOptions io;
        io.files = {file};
        QCOMPARE(engine->runJob(io).status, JobStatus::Completed);
        const auto [tokenHash, hashVector] = storedOf(*engine, QStringLiteral("CASE-7"));
        QCOMPARE(int(hashVector.size()), 256);

        QVERIFY2(engine->applyConfig(bertConfig(), {}, nullptr, &error), qPrintable(error));
        const auto [textHash, bertVector] = storedOf(*engine, QStringLiteral("CASE-7"));
        QVERIFY(textHash != tokenHash);
        QCOMPARE(int(bertVector.size()), internals(*engine).embedder().dimension());
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        QCOMPARE(internals(*engine).index().size(), qint64(20));

        // Re-embedding under the same embedder changes no key and keeps every vector.
        QVERIFY2(engine->reembed({}, nullptr, &error), qPrintable(error));
        QCOMPARE(storedOf(*engine, QStringLiteral("CASE-7")).first, textHash);
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        QCOMPARE(internals(*engine).index().size(), qint64(20));

        QVERIFY2(engine->applyConfig(EngineConfig{}, {}, nullptr, &error), qPrintable(error));
        const auto [backHash, backVector] = storedOf(*engine, QStringLiteral("CASE-7"));
        QCOMPARE(backHash, tokenHash);
        QCOMPARE(backVector, hashVector);
        QCOMPARE(engine->vectorBacklog(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestEngineBert)
#include "tst_engine_bert.moc"
