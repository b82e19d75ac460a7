// SPDX-License-Identifier: MIT
// Opt-in speed measurement of the local encoder (KMS_BENCHMARK=1); numbers go to docs/performance.md.
// Random weights of exactly all-MiniLM-L6-v2's and bge-small-en-v1.5's shapes, texts of 32, 128 and
// 256 pieces, 1 and 2 worker threads; achieved GFLOP/s next to OpenBLAS sgemm's own rate measured in
// the same run. Timings are printed, never asserted.
#include "encoder/BertEmbedder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cblas.h>

#include <random>

using namespace kms;

namespace {

struct Shape {
    const char *name;
    int layers, hidden, heads, intermediate, maxSeq;
};

void writeJson(const QString &path, const QJsonObject &o)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(o).toJson());
}

// A model folder with random F32 weights of the given shape and a vocabulary of "t<N>" words,
// so a text of k such words is exactly k pieces.
void writeModel(const QString &dir, const Shape &s)
{
    const int vocab = 30522, positions = 512;
    writeJson(dir + QStringLiteral("/config.json"),
              {{QStringLiteral("model_type"), QStringLiteral("bert")}, {QStringLiteral("vocab_size"), vocab},
               {QStringLiteral("hidden_size"), s.hidden}, {QStringLiteral("num_hidden_layers"), s.layers},
               {QStringLiteral("num_attention_heads"), s.heads}, {QStringLiteral("intermediate_size"), s.intermediate},
               {QStringLiteral("max_position_embeddings"), positions}, {QStringLiteral("type_vocab_size"), 2},
               {QStringLiteral("hidden_act"), QStringLiteral("gelu")}, {QStringLiteral("layer_norm_eps"), 1e-12}});
    writeJson(dir + QStringLiteral("/sentence_bert_config.json"), {{QStringLiteral("max_seq_length"), s.maxSeq}});
    QFile v(dir + QStringLiteral("/vocab.txt"));
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
    for (int i = 5; i < vocab; ++i)
        v.write("t" + QByteArray::number(i) + '\n');
    v.close();

    std::vector<std::pair<QString, std::vector<qint64>>> tensors;
    const qint64 h = s.hidden, in = s.intermediate;
    tensors.push_back({QStringLiteral("embeddings.word_embeddings.weight"), {vocab, h}});
    tensors.push_back({QStringLiteral("embeddings.position_embeddings.weight"), {positions, h}});
    tensors.push_back({QStringLiteral("embeddings.token_type_embeddings.weight"), {2, h}});
    tensors.push_back({QStringLiteral("embeddings.LayerNorm.weight"), {h}});
    tensors.push_back({QStringLiteral("embeddings.LayerNorm.bias"), {h}});
    for (int l = 0; l < s.layers; ++l) {
        const QString p = QStringLiteral("encoder.layer.%1.").arg(l);
        for (const char *n : {"query", "key", "value"}) {
            tensors.push_back({p + QStringLiteral("attention.self.") + QLatin1String(n) + QStringLiteral(".weight"), {h, h}});
            tensors.push_back({p + QStringLiteral("attention.self.") + QLatin1String(n) + QStringLiteral(".bias"), {h}});
        }
        tensors.push_back({p + QStringLiteral("attention.output.dense.weight"), {h, h}});
        tensors.push_back({p + QStringLiteral("attention.output.dense.bias"), {h}});
        tensors.push_back({p + QStringLiteral("attention.output.LayerNorm.weight"), {h}});
        tensors.push_back({p + QStringLiteral("attention.output.LayerNorm.bias"), {h}});
        tensors.push_back({p + QStringLiteral("intermediate.dense.weight"), {in, h}});
        tensors.push_back({p + QStringLiteral("intermediate.dense.bias"), {in}});
        tensors.push_back({p + QStringLiteral("output.dense.weight"), {h, in}});
        tensors.push_back({p + QStringLiteral("output.dense.bias"), {h}});
        tensors.push_back({p + QStringLiteral("output.LayerNorm.weight"), {h}});
        tensors.push_back({p + QStringLiteral("output.LayerNorm.bias"), {h}});
    }
    QJsonObject header;
    qint64 offset = 0;
    for (const auto &[name, shape] : tensors) {
        qint64 n = 1;
        QJsonArray dims;
        for (qint64 d : shape) {
            n *= d;
            dims.append(d);
        }
        header.insert(name, QJsonObject{{QStringLiteral("dtype"), QStringLiteral("F32")}, {QStringLiteral("shape"), dims},
                                        {QStringLiteral("data_offsets"), QJsonArray{offset, offset + 4 * n}}});
        offset += 4 * n;
    }
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QFile f(dir + QStringLiteral("/model.safetensors"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray length(8, '\0');
    qToLittleEndian<quint64>(quint64(json.size()), length.data());
    f.write(length + json);
    std::mt19937 rng(42);
    std::normal_distribution<float> normal(0.0f, 0.05f);
    for (const auto &[name, shape] : tensors) {
        qint64 n = 1;
        for (qint64 d : shape)
            n *= d;
        std::vector<float> data(static_cast<size_t>(n));
        const bool gamma = name.endsWith(QLatin1String("LayerNorm.weight"));
        for (float &x : data)
            x = gamma ? 1.0f + normal(rng) : normal(rng);
        f.write(reinterpret_cast<const char *>(data.data()), qint64(data.size() * sizeof(float)));
    }
}

// OpenBLAS's own single-thread rate on the feed-forward product of one group of tokens.
double sgemmGflops(int m, int n, int k)
{
    std::vector<float> a(size_t(m) * k, 0.01f), b(size_t(n) * k, 0.02f), c(size_t(m) * n);
    QElapsedTimer timer;
    int reps = 0;
    timer.start();
    while (timer.elapsed() < 1500 || reps < 3) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0f, a.data(), k, b.data(), k, 0.0f, c.data(), n);
        ++reps;
    }
    return 2.0 * m * n * k * reps / (double(timer.nsecsElapsed()) * 1e-9) / 1e9;
}

} // namespace

class BenchEncoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("KMS_BENCHMARK"))
            QSKIP("set KMS_BENCHMARK=1 to run the encoder benchmark");
    }

    void throughput_data()
    {
        QTest::addColumn<int>("shape");
        QTest::newRow("minilm") << 0;
        QTest::newRow("bge-small") << 1;
    }

    void throughput()
    {
        QFETCH(int, shape);
        const Shape shapes[] = {{"all-MiniLM-L6-v2 shapes", 6, 384, 12, 1536, 256},
                                {"bge-small-en-v1.5 shapes", 12, 384, 12, 1536, 512}};
        {
            const Shape &s = shapes[shape];
            QTemporaryDir dir;
            writeModel(dir.path(), s);
            QString error;
            BertEmbedderOptions options;
            options.threads = 1;
            const auto one = BertEmbedder::load(dir.path(), options, &error);
            QVERIFY2(one, qPrintable(error));
            options.threads = 2;
            const auto two = BertEmbedder::load(dir.path(), options, &error);
            QVERIFY2(two, qPrintable(error));
            openblas_set_num_threads(1);
            const double peak = sgemmGflops(2048, s.intermediate, s.hidden);
            qInfo("%s: OpenBLAS sgemm 2048x%dx%d, 1 thread: %.1f GFLOP/s", s.name, s.intermediate, s.hidden, peak);
            qInfo("| model | pieces | threads | texts/s | GFLOP/s | of sgemm |");
            for (int pieces : {32, 128, 256}) {
                std::mt19937 rng(pieces);
                // 4096 pieces a batch: two groups, so two workers both have work.
                std::vector<EmbedInput> texts(size_t(4096 / pieces));
                for (EmbedInput &t : texts) {
                    QStringList words;
                    for (int w = 0; w < pieces - 2; ++w)
                        words << QStringLiteral("t%1").arg(5 + rng() % 30000);
                    t.text = words.join(QLatin1Char(' '));
                }
                QCOMPARE(int(one->tokenize(texts[0]).size()), pieces);
                for (const auto &e : {one, two}) {
                    std::vector<float> out(texts.size() * size_t(e->dimension()));
                    QElapsedTimer timer;
                    int batches = 0;
                    timer.start();
                    while (timer.elapsed() < 3000 || batches < 1) {
                        QVERIFY(e->embedBatch(texts, out).allOk());
                        ++batches;
                    }
                    const double seconds = double(timer.nsecsElapsed()) * 1e-9;
                    const double rate = double(batches) * double(texts.size()) / seconds;
                    const double gflops = rate * e->model().flopsPerText(pieces) / 1e9;
                    qInfo("| %s | %d | %d | %.1f | %.1f | %.0f %% |", s.name, pieces, e->threads(), rate, gflops,
                          100.0 * gflops / (peak * e->threads()));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(BenchEncoder)
#include "bench_encoder.moc"
