// SPDX-License-Identifier: MIT
// The LSA embedder: training, its model file, and what it learns that hashing cannot.
#include "engine/EmbedderFactory.h"
#include "embed/HashEmbedder.h"
#include "embed/LsaEmbedder.h"
#include "embed/LsaTrainer.h"
#include "text/Normalizer.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <vector>

using namespace kms;

namespace {

const Normalizer &normalizer()
{
    static const Normalizer n;
    return n;
}

std::vector<float> embedText(const Embedder &e, const QString &text)
{
    std::vector<float> v(size_t(e.dimension()));
    e.embed(EmbedInput{text, normalizer().tokens(text)}, v);
    return v;
}

double cosine(const std::vector<float> &a, const std::vector<float> &b)
{
    double s = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        s += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    return na > 0 && nb > 0 ? s / std::sqrt(na * nb) : 0.0;
}

// Three topics; within the laptop topic "laptop" and "notebook" are used interchangeably, so
// they share their context words but never a document.
QStringList synonymCorpus()
{
    QStringList docs;
    const QStringList device{QStringLiteral("laptop"), QStringLiteral("notebook")};
    const QStringList context{QStringLiteral("battery charger power"), QStringLiteral("screen display flicker"),
                              QStringLiteral("keyboard keys stuck"), QStringLiteral("boot power button"),
                              QStringLiteral("battery drains overnight"), QStringLiteral("screen brightness power")};
    for (int r = 0; r < 2; ++r)
        for (const QString &c : context)
            for (const QString &d : device)
                docs.append(d + QLatin1Char(' ') + c);
    const QStringList other{QStringLiteral("printer paper jam tray"), QStringLiteral("printer toner cartridge tray"),
                            QStringLiteral("printer paper toner queue"), QStringLiteral("email mailbox quota outlook"),
                            QStringLiteral("email outlook password sync"), QStringLiteral("mailbox password sync quota")};
    for (int r = 0; r < 3; ++r)
        docs += other;
    return docs;
}

LsaModel trainOn(const QStringList &docs, int rank, int minDf = 2)
{
    LsaTrainer::Params p;
    p.rank = rank;
    p.minDocumentFrequency = minDf;
    LsaTrainer t(p);
    for (const QString &d : docs)
        t.addDocument(normalizer().tokens(d));
    QString error;
    auto m = t.train({}, nullptr, &error);
    if (!m)
        qFatal("training failed: %s", qPrintable(error));
    return *m;
}

// Many short documents over a vocabulary of a few hundred words (deterministic, no RNG library).
QStringList syntheticDocs(int n)
{
    QStringList docs;
    quint64 x = 12345;
    for (int i = 0; i < n; ++i) {
        QStringList words;
        for (int w = 0; w < 12; ++w) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            words.append(QStringLiteral("w%1").arg((x >> 33) % 400));
        }
        docs.append(words.join(QLatin1Char(' ')));
    }
    return docs;
}

} // namespace

class TestLsa : public QObject
{
    Q_OBJECT

private slots:
    void twoTrainingsGiveTheSameVectors()
    {
        const QStringList docs = syntheticDocs(600);
        const LsaModel a = trainOn(docs, 32);
        const LsaModel b = trainOn(docs, 32);
        QCOMPARE(a.checksum(), b.checksum());
        QCOMPARE(a.rank(), 32);
        const LsaEmbedder ea(std::make_shared<LsaModel>(a));
        const LsaEmbedder eb(std::make_shared<LsaModel>(b));
        QCOMPARE(ea.id(), eb.id());
        QVERIFY(ea.id().startsWith(QStringLiteral("lsa-v1:k=32,v=")));
        QVERIFY(ea.id().endsWith(a.checksum()));
        for (const QString &d : {docs[0], docs[17], QStringLiteral("w1 w2 w3")}) {
            const auto va = embedText(ea, d);
            QCOMPARE(va, embedText(eb, d));
            double norm = 0;
            for (float f : va)
                norm += double(f) * double(f);
            QVERIFY(std::abs(norm - 1.0) < 1e-4);
        }
        // Another seed gives another model.
        LsaTrainer::Params p;
        p.rank = 32;
        p.seed = 99;
        LsaTrainer t(p);
        for (const QString &d : docs)
            t.addDocument(normalizer().tokens(d));
        QVERIFY(t.train({}, nullptr, nullptr)->checksum() != a.checksum());
    }

    void singularValuesDescendAndVectorsAreOrthonormal()
    {
        const LsaModel m = trainOn(syntheticDocs(500), 16);
        for (int i = 1; i < m.rank(); ++i)
            QVERIFY(m.singularValues()[size_t(i)] <= m.singularValues()[size_t(i) - 1]);
        // Columns of V_k: unit length and orthogonal.
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b) {
                double s = 0;
                for (int w = 0; w < m.vocabularySize(); ++w)
                    s += double(m.projectionRow(w)[size_t(a)]) * double(m.projectionRow(w)[size_t(b)]);
                QVERIFY2(std::abs(s - (a == b ? 1.0 : 0.0)) < 1e-3, qPrintable(QString::number(s)));
            }
    }

    void vocabularyKeepsWordsInTwoDocuments()
    {
        const LsaModel m = trainOn({QStringLiteral("alpha beta gamma"), QStringLiteral("alpha beta delta"),
                                    QStringLiteral("alpha epsilon beta")}, 4);
        QCOMPARE(m.words(), (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(m.wordIndex(QStringLiteral("gamma")), -1);
        QCOMPARE(m.documents(), qint64(3));
        // rank is capped by what the data has
        QVERIFY(m.rank() <= 2);
    }

    void tooLittleDataIsRefused()
    {
        LsaTrainer t(LsaTrainer::Params{});
        t.addDocument({QStringLiteral("lonely")});
        QString error;
        QVERIFY(!t.train({}, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("too few")), qPrintable(error));
    }

    void cancelStopsTraining()
    {
        LsaTrainer t(LsaTrainer::Params{});
        for (const QString &d : syntheticDocs(300))
            t.addDocument(normalizer().tokens(d));
        std::atomic<bool> cancel{false};
        int calls = 0;
        QString error;
        const auto m = t.train([&](const QString &, int, int) {
            if (++calls == 2)
                cancel = true;
        }, &cancel, &error);
        QVERIFY(!m);
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(calls, 2);
    }

    void modelFileRoundTrips()
    {
        QTemporaryDir dir;
        const LsaModel m = trainOn(syntheticDocs(300), 8);
        const QString path = dir.filePath(QStringLiteral("m.lsa"));
        QString error;
        QVERIFY2(m.save(path, &error), qPrintable(error));
        LsaModel back;
        QVERIFY2(LsaModel::load(path, &back, &error), qPrintable(error));
        QCOMPARE(back.checksum(), m.checksum());
        QCOMPARE(back.words(), m.words());
        QCOMPARE(back.documents(), m.documents());
        const LsaEmbedder a(std::make_shared<LsaModel>(m)), b(std::make_shared<LsaModel>(back));
        QCOMPARE(embedText(a, QStringLiteral("w3 w7 w9")), embedText(b, QStringLiteral("w3 w7 w9")));

        // The factory loads it from the configuration.
        EngineConfig c;
        c.embedderProvider = QStringLiteral("lsa");
        c.lsaModel = QStringLiteral("m.lsa");
        const auto viaFactory = makeEmbedder(c, dir.path(), &error);
        QVERIFY2(viaFactory, qPrintable(error));
        QCOMPARE(viaFactory->id(), a.id());
        c.lsaModel = QStringLiteral("missing.lsa");
        QVERIFY(!makeEmbedder(c, dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("missing.lsa")), qPrintable(error));
    }

    void corruptOrTruncatedModelIsRefused()
    {
        QTemporaryDir dir;
        const LsaModel m = trainOn(syntheticDocs(300), 8);
        const QString path = dir.filePath(QStringLiteral("m.lsa"));
        QVERIFY(m.save(path, nullptr));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        auto refused = [&](const QByteArray &bytes, const char *expect) {
            QFile w(path);
            if (!w.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            w.write(bytes);
            w.close();
            LsaModel out;
            QString error;
            const bool loaded = LsaModel::load(path, &out, &error);
            if (loaded || !error.contains(path) || !error.contains(QLatin1String(expect))) {
                qWarning("%s", qPrintable(error));
                return false;
            }
            return true;
        };
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x10);
        QVERIFY(refused(flipped, "checksum"));
        QVERIFY(refused(good.left(good.size() - 100), "checksum"));
        QVERIFY(refused(good.left(5), "truncated"));
        QVERIFY(refused(QByteArray("not a model at all, just some text here"), "not an LSA model"));
        QVERIFY(refused(QByteArray(), "truncated"));
    }

    void providerInTheConfiguration()
    {
        EngineConfig c;
        QCOMPARE(c.embedderProvider, QStringLiteral("hash"));
        c.embedderProvider = QStringLiteral("lsa");
        c.lsaModel = QStringLiteral("lsa-0123.lsa");
        QString error;
        const EngineConfig back = EngineConfig::fromJson(c.toJson(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back, c);
        QCOMPARE(configChange(EngineConfig{}, c), ConfigChange::Reembed);
        EngineConfig other = c;
        other.lsaModel = QStringLiteral("lsa-4567.lsa");
        QCOMPARE(configChange(c, other), ConfigChange::Reembed);
        other = c;
        other.embeddingDimension = 128; // a hash field: no vector changes while lsa is active
        QCOMPARE(configChange(c, other), ConfigChange::Immediate);

        QJsonObject o = c.toJson();
        o.insert(QStringLiteral("embedderProvider"), QStringLiteral("word2vec"));
        EngineConfig::fromJson(o, &error);
        QVERIFY2(error.contains(QStringLiteral("embedderProvider")), qPrintable(error));
        o.insert(QStringLiteral("embedderProvider"), QStringLiteral("lsa"));
        o.remove(QStringLiteral("lsaModel"));
        error.clear();
        EngineConfig::fromJson(o, &error);
        QVERIFY2(error.contains(QStringLiteral("lsaModel")), qPrintable(error));
        o.insert(QStringLiteral("lsaModel"), QStringLiteral("../elsewhere.lsa"));
        error.clear();
        EngineConfig::fromJson(o, &error);
        QVERIFY2(error.contains(QStringLiteral("file name")), qPrintable(error));
    }

    // The case hashing cannot handle: two texts with no word in common, used in the same context.
    void synonymsShareContextNotWords()
    {
        const LsaModel m = trainOn(synonymCorpus(), 3);
        const LsaEmbedder lsa(std::make_shared<LsaModel>(m));
        const HashEmbedder hash;
        const QString a = QStringLiteral("laptop"), b = QStringLiteral("notebook");
        const QString unrelated = QStringLiteral("printer toner");
        const double lsaSame = cosine(embedText(lsa, a), embedText(lsa, b));
        const double lsaOther = cosine(embedText(lsa, a), embedText(lsa, unrelated));
        const double hashSame = cosine(embedText(hash, a), embedText(hash, b));
        QVERIFY2(lsaSame > 0.9, qPrintable(QString::number(lsaSame)));
        QVERIFY2(lsaOther < 0.3, qPrintable(QString::number(lsaOther)));
        QVERIFY2(hashSame < 0.3, qPrintable(QString::number(hashSame)));
        // Out-of-vocabulary text: the zero vector, still a valid result.
        const auto zero = embedText(lsa, QStringLiteral("zebra"));
        QVERIFY(std::all_of(zero.begin(), zero.end(), [](float f) { return f == 0.0f; }));
    }
};

QTEST_GUILESS_MAIN(TestLsa)
#include "tst_lsa.moc"
