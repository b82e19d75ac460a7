// SPDX-License-Identifier: MIT
// Every broken model folder is refused with a message naming the file and the problem.
#include "TinyBert.h"

#include "encoder/BertEmbedder.h"
#include "encoder/BertModel.h"
#include "encoder/ModelConfig.h"
#include "encoder/ModelError.h"
#include "encoder/SafeTensors.h"
#include "encoder/WordPieceTokenizer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <functional>

using namespace kms;
using namespace kms::test;

class TestEncoderRefusals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadRefusesBrokenFolders();
    void refusesShapesThatDisagreeWithConfig();
    void refusesTruncatedSafetensors();
    void refusesOffsetsOutsideTheFile();
    void refusesMissingVocab();
    void readsEmptyTensors();
    void refusesDecoderConfigs_data();
    void refusesDecoderConfigs();
};

void TestEncoderRefusals::initTestCase()
{
    const TinyBert &t = tinyBert();
    if (t.numpyMissing)
        QSKIP(qPrintable(t.error));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
}

void TestEncoderRefusals::loadRefusesBrokenFolders()
{
    // Through the public entry point: a null embedder and a message, never an exception.
    QString error;
    QVERIFY(!BertEmbedder::load(QStringLiteral("/nonexistent/model"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));

    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    QFile::remove(copy->filePath(QStringLiteral("vocab.txt")));
    QVERIFY(!BertEmbedder::load(copy->path(), {}, &error));
    QVERIFY2(error.startsWith(QLatin1String("vocab.txt: missing")), qPrintable(error));

    copy = copyOfVariant(QStringLiteral("cls_f16"));
    editJson(copy->filePath(QStringLiteral("config.json")),
             [](QJsonObject &o) { o.insert(QStringLiteral("hidden_size"), 48); o.insert(QStringLiteral("num_attention_heads"), 4); });
    QVERIFY(!BertEmbedder::load(copy->path(), {}, &error));
    QVERIFY2(error.contains(QLatin1String("\"embeddings.word_embeddings.weight\" has shape [209, 32] but config.json implies [209, 48]")),
             qPrintable(error));

    copy = copyOfVariant(QStringLiteral("cls_f16"));
    const QString weights = copy->filePath(QStringLiteral("model.safetensors"));
    const QByteArray bytes = readAll(weights);
    writeAll(weights, bytes.left(bytes.size() / 2));
    QVERIFY(!BertEmbedder::load(copy->path(), {}, &error));
    QVERIFY2(error.startsWith(QLatin1String("model.safetensors: tensor")) && error.contains(QLatin1String("outside the file")),
             qPrintable(error));

    copy = copyOfVariant(QStringLiteral("mean_f32"));
    {
        QFile v(copy->filePath(QStringLiteral("vocab.txt")));
        QVERIFY(v.open(QIODevice::Append));
        for (int i = 0; i < 50; ++i)
            v.write(QByteArray("extra") + QByteArray::number(i) + '\n');
    }
    QVERIFY(!BertEmbedder::load(copy->path(), {}, &error));
    QVERIFY2(error.startsWith(QLatin1String("vocab.txt: 259 tokens but config.json's vocab_size is 209")), qPrintable(error));
}

void TestEncoderRefusals::refusesShapesThatDisagreeWithConfig()
{
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    const BertConfig good = loadEncoderConfig(copy->path()).bert;
    const QString weights = copy->filePath(QStringLiteral("model.safetensors"));

    BertConfig wider = good;
    wider.intermediate = 128;
    QString msg = refusal([&] { BertModel m(weights, wider); });
    QVERIFY2(msg == QStringLiteral("model.safetensors: tensor \"encoder.layer.0.intermediate.dense.weight\" has "
                                   "shape [64, 32] but config.json implies [128, 32]"), qPrintable(msg));

    BertConfig deeper = good;
    deeper.layers = 3;
    msg = refusal([&] { BertModel m(weights, deeper); });
    QVERIFY2(msg.contains(QLatin1String("\"encoder.layer.2.attention.self.query.weight\" is missing")), qPrintable(msg));

    // An F32 tensor whose stored shape was changed along with its offsets: a different model.
    editSafetensorsHeader(weights, [](QJsonObject &h) {
        QJsonObject t = h.value(QLatin1String("embeddings.LayerNorm.bias")).toObject();
        t.insert(QStringLiteral("shape"), QJsonArray{16, 2});
        h.insert(QStringLiteral("embeddings.LayerNorm.bias"), t);
    });
    msg = refusal([&] { BertModel m(weights, good); });
    QVERIFY2(msg.contains(QLatin1String("has shape [16, 2] but config.json implies [32]")), qPrintable(msg));
}

void TestEncoderRefusals::refusesTruncatedSafetensors()
{
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    const QString path = copy->filePath(QStringLiteral("model.safetensors"));
    const QByteArray bytes = readAll(path);

    writeAll(path, bytes.left(bytes.size() - 100));
    QString msg = refusal([&] { SafeTensorsFile f(path); });
    QVERIFY2(msg.startsWith(QLatin1String("model.safetensors: ")) && msg.contains(QLatin1String("outside the file")),
             qPrintable(msg));

    writeAll(path, bytes.left(200));   // inside the header
    msg = refusal([&] { SafeTensorsFile f(path); });
    QVERIFY2(msg.startsWith(QLatin1String("model.safetensors: truncated")), qPrintable(msg));

    writeAll(path, bytes.left(5));
    msg = refusal([&] { SafeTensorsFile f(path); });
    QVERIFY2(msg.contains(QLatin1String("truncated")), qPrintable(msg));

    writeAll(path, QByteArray());
    QVERIFY(refusal([&] { SafeTensorsFile f(path); }).contains(QLatin1String("truncated")));
    QFile::remove(path);
    QVERIFY(refusal([&] { SafeTensorsFile f(path); }).contains(QLatin1String("not found")));
}

void TestEncoderRefusals::refusesOffsetsOutsideTheFile()
{
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    const QString path = copy->filePath(QStringLiteral("model.safetensors"));
    const QString name = QStringLiteral("encoder.layer.0.output.dense.bias");
    editSafetensorsHeader(path, [&](QJsonObject &h) {
        QJsonObject t = h.value(name).toObject();
        t.insert(QStringLiteral("data_offsets"), QJsonArray{1e12, 1e12 + 128});
        h.insert(name, t);
    });
    QString msg = refusal([&] { SafeTensorsFile f(path); });
    QVERIFY2(msg.contains(name) && msg.contains(QLatin1String("outside the file")), qPrintable(msg));

    // Offsets inside the file that disagree with the shape.
    editSafetensorsHeader(path, [&](QJsonObject &h) {
        QJsonObject t = h.value(name).toObject();
        t.insert(QStringLiteral("data_offsets"), QJsonArray{0, 64});
        h.insert(name, t);
    });
    msg = refusal([&] { SafeTensorsFile f(path); });
    QVERIFY2(msg.contains(name) && msg.contains(QLatin1String("expected 128")), qPrintable(msg));

    editSafetensorsHeader(path, [&](QJsonObject &h) {
        QJsonObject t = h.value(name).toObject();
        t.insert(QStringLiteral("data_offsets"), QJsonArray{-8, 64});
        t.insert(QStringLiteral("dtype"), QStringLiteral("F32"));
        h.insert(name, t);
    });
    QVERIFY(refusal([&] { SafeTensorsFile f(path); }).contains(QLatin1String("invalid data_offsets")));

    writeAll(path, QByteArray("\x10\0\0\0\0\0\0\0{not json at all", 24));
    QVERIFY(refusal([&] { SafeTensorsFile f(path); }).contains(QLatin1String("not valid JSON")));
}

// fuzz_safetensors' first finding: toFloat of a tensor with a 0 in its shape called memcpy with a
// null pointer (undefined; the sanitizer build, KMS_SANITIZE=address, aborts on it).
void TestEncoderRefusals::readsEmptyTensors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray header = R"({"empty": {"dtype": "F32", "shape": [0, 4], "data_offsets": [0, 0]},)"
                        R"( "half": {"dtype": "F16", "shape": [3, 0], "data_offsets": [0, 0]},)"
                        R"( "one": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}})";
    while (header.size() % 8 != 0)
        header.append(' ');
    QByteArray bytes(8, '\0');
    qToLittleEndian<quint64>(quint64(header.size()), bytes.data());
    bytes += header;
    const float one = 1.5f;
    bytes.append(reinterpret_cast<const char *>(&one), sizeof one);
    const QString path = dir.filePath(QStringLiteral("model.safetensors"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    f.close();

    SafeTensorsFile file(path);
    const SafeTensor *empty = file.find(QStringLiteral("empty"));
    const SafeTensor *half = file.find(QStringLiteral("half"));
    QVERIFY(empty && half);
    QCOMPARE(empty->elements(), 0);
    QVERIFY(file.toFloat(*empty).empty());
    QVERIFY(file.toFloat(*half).empty());
    QCOMPARE(file.toFloat(*file.find(QStringLiteral("one"))), std::vector<float>{1.5f});
}

void TestEncoderRefusals::refusesMissingVocab()
{
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    const QString vocab = copy->filePath(QStringLiteral("vocab.txt"));
    QVERIFY(QFile::remove(vocab));
    const QString msg = refusal([&] { WordPieceTokenizer t(vocab, true, true); });
    QVERIFY2(msg.startsWith(QLatin1String("vocab.txt: missing")), qPrintable(msg));

    writeAll(vocab, "[PAD]\n[UNK]\n[CLS]\nhello\n");
    QCOMPARE(refusal([&] { WordPieceTokenizer t(vocab, true, true); }),
             QStringLiteral("vocab.txt: has no [SEP] token"));
}

void TestEncoderRefusals::refusesDecoderConfigs_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("gpt2") << "model_type" << QJsonValue(QStringLiteral("gpt2")) << "model_type \"gpt2\"";
    QTest::newRow("causal-lm") << "architectures" << QJsonValue(QJsonArray{QStringLiteral("BertLMHeadModel")})
                               << "architecture \"BertLMHeadModel\"";
    QTest::newRow("is_decoder") << "is_decoder" << QJsonValue(true) << "decoder configuration";
    QTest::newRow("activation") << "hidden_act" << QJsonValue(QStringLiteral("swish")) << "hidden_act \"swish\"";
    QTest::newRow("heads") << "num_attention_heads" << QJsonValue(5) << "not a multiple";
    QTest::newRow("no-layers") << "num_hidden_layers" << QJsonValue(QStringLiteral("six"))
                               << "\"num_hidden_layers\" must be a positive integer";
}

void TestEncoderRefusals::refusesDecoderConfigs()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    editJson(copy->filePath(QStringLiteral("config.json")), [&](QJsonObject &o) { o.insert(key, value); });
    const QString msg = refusal([&] { loadEncoderConfig(copy->path()); });
    QVERIFY2(msg.startsWith(QLatin1String("config.json: ")) && msg.contains(expected), qPrintable(msg));
}

QTEST_GUILESS_MAIN(TestEncoderRefusals)
#include "tst_encoder_refusals.moc"
