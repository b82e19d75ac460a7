// SPDX-License-Identifier: MIT
#include "TinyBert.h"

#include "encoder/BertModel.h"
#include "encoder/ModelConfig.h"
#include "encoder/ModelError.h"
#include "encoder/SafeTensors.h"
#include "encoder/WordPieceTokenizer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

#include <functional>

using namespace kms;
using namespace kms::test;

namespace {

const QStringList kVariants = {QStringLiteral("mean_f32"), QStringLiteral("cls_f16"),
                               QStringLiteral("max_bf16_cased")};

// Runs f and returns the ModelError message it threw, or a note that it threw nothing.
QString refusal(const std::function<void()> &f)
{
    try {
        f();
    } catch (const ModelError &e) {
        return e.message();
    }
    return QStringLiteral("<no error>");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Rewrites model.safetensors with its header changed by edit; the data stays as it was.
void editSafetensorsHeader(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    const QByteArray bytes = readAll(path);
    const quint64 n = qFromLittleEndian<quint64>(bytes.constData());
    QJsonObject header = QJsonDocument::fromJson(bytes.mid(8, qsizetype(n))).object();
    edit(header);
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out(8, '\0');
    qToLittleEndian<quint64>(quint64(json.size()), out.data());
    writeAll(path, out + json + bytes.mid(8 + qsizetype(n)));
}

void editJson(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject o = QJsonDocument::fromJson(readAll(path)).object();
    edit(o);
    writeAll(path, QJsonDocument(o).toJson());
}

} // namespace

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

    void refusesTruncatedSafetensors();
    void refusesShapesThatDisagreeWithConfig();
    void refusesOffsetsOutsideTheFile();
    void refusesMissingVocab();
    void refusesDecoderConfigs_data();
    void refusesDecoderConfigs();
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

void TestEncoder::refusesShapesThatDisagreeWithConfig()
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

void TestEncoder::refusesTruncatedSafetensors()
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

void TestEncoder::refusesOffsetsOutsideTheFile()
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

void TestEncoder::refusesMissingVocab()
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

void TestEncoder::refusesDecoderConfigs_data()
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

void TestEncoder::refusesDecoderConfigs()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    auto copy = copyOfVariant(QStringLiteral("mean_f32"));
    editJson(copy->filePath(QStringLiteral("config.json")), [&](QJsonObject &o) { o.insert(key, value); });
    const QString msg = refusal([&] { loadEncoderConfig(copy->path()); });
    QVERIFY2(msg.startsWith(QLatin1String("config.json: ")) && msg.contains(expected), qPrintable(msg));
}

QTEST_GUILESS_MAIN(TestEncoder)
#include "tst_encoder.moc"
