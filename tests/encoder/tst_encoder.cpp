// SPDX-License-Identifier: MIT
#include "TinyBert.h"

#include "encoder/BertEmbedder.h"
#include "encoder/BertModel.h"
#include "encoder/ModelConfig.h"
#include "encoder/ModelError.h"
#include "encoder/SafeTensors.h"
#include "encoder/WordPieceTokenizer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <functional>

using namespace kms;
using namespace kms::test;

class TestEncoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void configReadsTheFolder();
    void tokenizerMatchesReference_data();
    void tokenizerMatchesReference();
    void safetensorsConvertsHalfPrecision();

    void modelMatchesReference_data();
    void modelMatchesReference();

    void embedderMatchesReference_data();
    void embedderMatchesReference();
    void embedderIdNamesWhatChangesVectors();
    void embedderAddsPrefixes();
    void embedderHonoursCancel();
};

void TestEncoder::initTestCase()
{
    const TinyBert &t = tinyBert();
    if (t.numpyMissing)
        QSKIP(qPrintable(t.error));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
}

void TestEncoder::configReadsTheFolder()
{
    const EncoderConfig mean = loadEncoderConfig(tinyBert().variant(QStringLiteral("mean_f32")));
    QCOMPARE(mean.bert.hidden, 32);
    QCOMPARE(mean.bert.layers, 2);
    QCOMPARE(mean.bert.heads, 4);
    QCOMPARE(mean.bert.intermediate, 64);
    QCOMPARE(mean.bert.maxPositions, 40);
    QCOMPARE(mean.bert.typeVocabSize, 2);
    QCOMPARE(mean.bert.activation, Activation::Gelu);
    QCOMPARE(mean.pooling, Pooling::Mean);
    QCOMPARE(mean.maxSeqLength, tinyBert().reference.value(QLatin1String("max_seq_length")).toInt());
    QVERIFY(mean.lowerCase && mean.stripAccents);

    QCOMPARE(loadEncoderConfig(tinyBert().variant(QStringLiteral("cls_f16"))).pooling, Pooling::Cls);
    const EncoderConfig cased = loadEncoderConfig(tinyBert().variant(QStringLiteral("max_bf16_cased")));
    QCOMPARE(cased.pooling, Pooling::Max);
    QCOMPARE(cased.bert.activation, Activation::GeluTanh);
    QVERIFY(!cased.lowerCase && !cased.stripAccents);
}

void TestEncoder::tokenizerMatchesReference_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("index");
    const QJsonArray texts = tinyBert().reference.value(QLatin1String("texts")).toArray();
    for (const QString &v : kVariants) {
        for (int i = 0; i < texts.size(); ++i)
            QTest::addRow("%s/%d", qPrintable(v), i) << v << i;
    }
}

void TestEncoder::tokenizerMatchesReference()
{
    QFETCH(QString, variant);
    QFETCH(int, index);
    const QJsonObject &ref = tinyBert().reference;
    const QString dir = tinyBert().variant(variant);
    const EncoderConfig config = loadEncoderConfig(dir);
    const WordPieceTokenizer tokenizer(QDir(dir).filePath(QStringLiteral("vocab.txt")), config.lowerCase,
                                       config.stripAccents);
    const QString text = ref.value(QLatin1String("texts")).toArray().at(index).toString();
    const QJsonObject expected = ref.value(QLatin1String("variants")).toObject().value(variant).toObject();

    QStringList words;
    for (const QJsonValue &w : expected.value(QLatin1String("words")).toArray().at(index).toArray())
        words << w.toString();
    QCOMPARE(tokenizer.basicTokens(text), words);

    std::vector<int> ids;
    for (const QJsonValue &id : expected.value(QLatin1String("tokens")).toArray().at(index).toArray())
        ids.push_back(id.toInt());
    QCOMPARE(tokenizer.encode(text, config.maxSeqLength), ids);
}

void TestEncoder::safetensorsConvertsHalfPrecision()
{
    const QString name = QStringLiteral("encoder.layer.1.intermediate.dense.weight");
    const SafeTensorsFile f32(tinyBert().variant(QStringLiteral("mean_f32")) + QStringLiteral("/model.safetensors"));
    const SafeTensorsFile f16(tinyBert().variant(QStringLiteral("cls_f16")) + QStringLiteral("/model.safetensors"));
    const SafeTensorsFile bf16(tinyBert().variant(QStringLiteral("max_bf16_cased")) + QStringLiteral("/model.safetensors"));
    for (const SafeTensorsFile *f : {&f32, &f16, &bf16}) {
        const SafeTensor *t = f->find(name);
        QVERIFY(t);
        QCOMPARE(t->shapeText(), QStringLiteral("[64, 32]"));
    }
    QCOMPARE(f16.find(name)->dtype, QStringLiteral("F16"));
    QCOMPARE(bf16.find(name)->dtype, QStringLiteral("BF16"));
    const std::vector<float> a = f32.toFloat(*f32.find(name));
    const std::vector<float> b = f16.toFloat(*f16.find(name));
    const std::vector<float> c = bf16.toFloat(*bf16.find(name));
    QCOMPARE(a.size(), size_t(64 * 32));
    float worst16 = 0, worstBf = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        worst16 = std::max(worst16, std::abs(a[i] - b[i]) / std::max(std::abs(a[i]), 1e-3f));
        worstBf = std::max(worstBf, std::abs(a[i] - c[i]) / std::max(std::abs(a[i]), 1e-3f));
    }
    QVERIFY2(worst16 < 1e-3f, qPrintable(QString::number(worst16)));   // 11 significant bits
    QVERIFY2(worstBf < 8e-3f, qPrintable(QString::number(worstBf)));   // 8 significant bits
    // The I64 position_ids buffer is listed but cannot be read as weights.
    const SafeTensor *ids = f32.find(QStringLiteral("embeddings.position_ids"));
    QVERIFY(ids);
    QVERIFY(refusal([&] { f32.toFloat(*ids); }).contains(QLatin1String("only F32, F16 and BF16")));
}

void TestEncoder::modelMatchesReference_data()
{
    QTest::addColumn<QString>("variant");
    for (const QString &v : kVariants)
        QTest::newRow(qPrintable(v)) << v;
}

void TestEncoder::modelMatchesReference()
{
    QFETCH(QString, variant);
    const QString dir = tinyBert().variant(variant);
    const EncoderConfig config = loadEncoderConfig(dir);
    const BertModel model(dir + QStringLiteral("/model.safetensors"), config.bert);
    QCOMPARE(model.dimension(), 32);
    const QJsonObject expected =
        tinyBert().reference.value(QLatin1String("variants")).toObject().value(variant).toObject();
    std::vector<std::vector<int>> texts;
    for (const QJsonValue &ids : expected.value(QLatin1String("tokens")).toArray()) {
        texts.emplace_back();
        for (const QJsonValue &id : ids.toArray())
            texts.back().push_back(id.toInt());
    }
    const QJsonArray vectors = expected.value(QLatin1String("vectors")).toArray();
    const size_t d = 32;

    // All texts of different lengths in one call (the reference ran them as one padded batch),
    // then each alone: both must give the reference vectors.
    std::vector<float> together(texts.size() * d);
    model.encode(texts, config.pooling, together.data());
    for (size_t i = 0; i < texts.size(); ++i) {
        std::vector<float> alone(d);
        model.encode(std::span(&texts[i], 1), config.pooling, alone.data());
        const QJsonArray ref = vectors.at(qsizetype(i)).toArray();
        double worstTogether = 0, worstAlone = 0, norm = 0;
        for (size_t j = 0; j < d; ++j) {
            const double r = ref.at(qsizetype(j)).toDouble();
            worstTogether = std::max(worstTogether, std::abs(together[i * d + j] - r));
            worstAlone = std::max(worstAlone, std::abs(alone[j] - r));
            norm += double(alone[j]) * alone[j];
        }
        QVERIFY2(worstTogether < 1e-5, qPrintable(QStringLiteral("text %1 in the batch: off by %2").arg(i).arg(worstTogether)));
        QVERIFY2(worstAlone < 1e-5, qPrintable(QStringLiteral("text %1 alone: off by %2").arg(i).arg(worstAlone)));
        QVERIFY(std::abs(norm - 1.0) < 1e-5);
    }
}

void TestEncoder::embedderMatchesReference_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("threads");
    for (const QString &v : kVariants) {
        QTest::addRow("%s/1-thread", qPrintable(v)) << v << 1;
        QTest::addRow("%s/3-threads", qPrintable(v)) << v << 3;
    }
}

void TestEncoder::embedderMatchesReference()
{
    QFETCH(QString, variant);
    QFETCH(int, threads);
    QString error;
    BertEmbedderOptions options;
    options.threads = threads;
    const auto embedder = BertEmbedder::load(tinyBert().variant(variant), options, &error);
    QVERIFY2(embedder, qPrintable(error));
    QCOMPARE(embedder->reads(), Embedder::Reads::Text);
    QCOMPARE(embedder->dimension(), 32);

    const QJsonArray texts = tinyBert().reference.value(QLatin1String("texts")).toArray();
    const QJsonObject expected =
        tinyBert().reference.value(QLatin1String("variants")).toObject().value(variant).toObject();
    const QJsonArray vectors = expected.value(QLatin1String("vectors")).toArray();
    // Each text several times, an empty one in the middle: groups, threads and order all vary.
    std::vector<EmbedInput> inputs;
    std::vector<int> source;
    for (int round = 0; round < 40; ++round) {
        for (qsizetype i = 0; i < texts.size(); ++i) {
            inputs.push_back(EmbedInput{texts.at((i * 7 + round) % texts.size()).toString(), {}});
            source.push_back(int((i * 7 + round) % texts.size()));
        }
        if (round == 5) {
            inputs.push_back(EmbedInput{});
            source.push_back(-1);
        }
    }
    std::vector<float> out(inputs.size() * 32, -7.0f);
    const EmbedBatchResult result = embedder->embedBatch(inputs, out);
    QVERIFY2(result.allOk(), qPrintable(result.message));
    for (size_t k = 0; k < inputs.size(); ++k) {
        for (size_t j = 0; j < 32; ++j) {
            const double want = source[k] < 0 ? 0.0 : vectors.at(source[k]).toArray().at(qsizetype(j)).toDouble();
            if (std::abs(out[k * 32 + j] - want) > 1e-5)
                QFAIL(qPrintable(QStringLiteral("input %1 (text %2) component %3: %4, expected %5")
                                     .arg(k).arg(source[k]).arg(j).arg(out[k * 32 + j]).arg(want)));
        }
    }
    const QJsonArray firstIds = expected.value(QLatin1String("tokens")).toArray().at(0).toArray();
    const std::vector<int> ids = embedder->tokenize(EmbedInput{texts.at(0).toString(), {}});
    QCOMPARE(qsizetype(ids.size()), firstIds.size());
    for (size_t i = 0; i < ids.size(); ++i)
        QCOMPARE(ids[i], firstIds.at(qsizetype(i)).toInt());
}

void TestEncoder::embedderIdNamesWhatChangesVectors()
{
    QString error;
    const auto mean = BertEmbedder::load(tinyBert().variant(QStringLiteral("mean_f32")), {}, &error);
    const auto cls = BertEmbedder::load(tinyBert().variant(QStringLiteral("cls_f16")), {}, &error);
    QVERIFY2(mean && cls, qPrintable(error));
    QVERIFY2(QRegularExpression(QStringLiteral("^bert:mean_f32,w=[0-9a-f]{16},vocab=[0-9a-f]{8},pool=mean,len=24$"))
                 .match(mean->id()).hasMatch(), qPrintable(mean->id()));
    QVERIFY(cls->id().startsWith(QLatin1String("bert:cls_f16,w=")));
    QVERIFY(cls->id().contains(QLatin1String(",pool=cls,len=24")));
    QVERIFY(mean->id().mid(mean->id().indexOf(QLatin1String("w=")), 18) != cls->id().mid(cls->id().indexOf(QLatin1String("w=")), 18));

    BertEmbedderOptions options;
    options.maxLength = 16;
    options.queryPrefix = QStringLiteral("query: ");
    options.documentPrefix = QStringLiteral("passage: ");
    const auto e5 = BertEmbedder::load(tinyBert().variant(QStringLiteral("mean_f32")), options, &error);
    QVERIFY2(e5, qPrintable(error));
    QVERIFY2(e5->id().endsWith(QLatin1String(",len=16,q=\"query: \",d=\"passage: \"")), qPrintable(e5->id()));
    const auto cased = BertEmbedder::load(tinyBert().variant(QStringLiteral("max_bf16_cased")), {}, &error);
    QVERIFY2(cased && cased->id().endsWith(QLatin1String(",pool=max,len=24,lower=0,strip=0")), qPrintable(cased->id()));
}

void TestEncoder::embedderAddsPrefixes()
{
    BertEmbedderOptions options;
    options.queryPrefix = QStringLiteral("query: ");
    options.documentPrefix = QStringLiteral("passage: ");
    QString error;
    const QString dir = tinyBert().variant(QStringLiteral("mean_f32"));
    const auto e = BertEmbedder::load(dir, options, &error);
    QVERIFY2(e, qPrintable(error));
    const WordPieceTokenizer plain(dir + QStringLiteral("/vocab.txt"), true, true);
    const QString text = QStringLiteral("VPN reconnect fails");
    QCOMPARE(e->tokenize(EmbedInput{text, {}, true}), plain.encode(QStringLiteral("query: ") + text, 24));
    QCOMPARE(e->tokenize(EmbedInput{text, {}, false}), plain.encode(QStringLiteral("passage: ") + text, 24));

    const std::vector<EmbedInput> inputs{EmbedInput{text, {}, true}, EmbedInput{text, {}, false}};
    std::vector<float> out(64);
    QVERIFY(e->embedBatch(inputs, out).allOk());
    double dot = 0;
    for (size_t j = 0; j < 32; ++j)
        dot += double(out[j]) * out[32 + j];
    QVERIFY2(dot < 0.9999, "a query and a document with different prefixes must not get the same vector");
}

void TestEncoder::embedderHonoursCancel()
{
    QString error;
    const auto e = BertEmbedder::load(tinyBert().variant(QStringLiteral("mean_f32")), {}, &error);
    QVERIFY2(e, qPrintable(error));
    const std::vector<EmbedInput> inputs(50, EmbedInput{QStringLiteral("outlook crashes on startup"), {}});
    std::vector<float> out(inputs.size() * 32);
    const std::atomic<bool> cancel{true};
    const EmbedBatchResult r = e->embedBatch(inputs, out, &cancel);
    QCOMPARE(r.failure, EmbedFailure::Cancelled);
    QCOMPARE(r.embedded(), 0);

    std::vector<float> tooSmall(10);
    const EmbedBatchResult wrong = e->embedBatch(inputs, tooSmall);
    QCOMPARE(wrong.failure, EmbedFailure::Permanent);
    QVERIFY(!wrong.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestEncoder)
#include "tst_encoder.moc"
