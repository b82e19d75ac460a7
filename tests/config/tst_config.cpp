// SPDX-License-Identifier: MIT
// EngineConfig's embedder providers: JSON round trips, validation that names the key, and which
// changes re-embed.
#include "config/EngineConfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace kms;

Q_DECLARE_METATYPE(kms::EngineConfig)
Q_DECLARE_METATYPE(kms::ConfigChange)

namespace {
EngineConfig openAi()
{
    EngineConfig c;
    c.embedderProvider = QStringLiteral("openai");
    c.remote.api = EmbeddingApi::Ollama;
    c.remote.baseUrl = QStringLiteral("http://127.0.0.1:11434");
    c.remote.model = QStringLiteral("nomic-embed-text");
    c.remote.dimensions = 768;
    c.remote.queryPrefix = QStringLiteral("search_query: ");
    c.remote.documentPrefix = QStringLiteral("search_document: ");
    c.remote.apiKeyEnv = QStringLiteral("OLLAMA_KEY");
    c.remote.maxBatchInputs = 32;
    c.remote.maxInFlight = 4;
    c.remote.pricePerMillionTokens = 0.13;
    return c;
}

EngineConfig bert()
{
    EngineConfig c;
    c.embedderProvider = QStringLiteral("bert");
    c.bertModel = QStringLiteral("/opt/models/e5-small-v2");
    c.bertQueryPrefix = QStringLiteral("query: ");
    c.bertDocumentPrefix = QStringLiteral("passage: ");
    return c;
}

QString refusal(const QJsonObject &o)
{
    QString error;
    EngineConfig::fromJson(o, &error);
    return error;
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void providersAreListedDefaultFirst()
    {
        QCOMPARE(EngineConfig::providers(),
                 (QStringList{QStringLiteral("hash"), QStringLiteral("lsa"), QStringLiteral("openai"), QStringLiteral("bert")}));
    }

    void roundTrip_data()
    {
        QTest::addColumn<EngineConfig>("config");
        QTest::newRow("hash") << EngineConfig{};
        QTest::newRow("openai") << openAi();
        QTest::newRow("bert") << bert();
        EngineConfig tei = openAi();
        tei.remote.api = EmbeddingApi::Tei;
        tei.remote.model.clear(); // TEI serves one model: no name needed
        tei.remote.apiKeyEnv.clear();
        tei.remote.apiKeyFile = QStringLiteral("/home/op/.config/tei.key");
        tei.remote.sendDimensions = true;
        QTest::newRow("tei with key file") << tei;
    }
    void roundTrip()
    {
        QFETCH(EngineConfig, config);
        QString error;
        const QByteArray text = QJsonDocument(config.toJson()).toJson();
        const EngineConfig back = EngineConfig::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back, config);
        QCOMPARE(configChange(config, back), ConfigChange::None);
    }

    void openAiJsonUsesTheRemoteKeys()
    {
        const QJsonObject o = openAi().toJson();
        QCOMPARE(o[QStringLiteral("embedderProvider")].toString(), QStringLiteral("openai"));
        const QJsonObject r = o[QStringLiteral("remote")].toObject();
        QCOMPARE(r[QStringLiteral("api")].toString(), QStringLiteral("ollama"));
        QCOMPARE(r[QStringLiteral("base_url")].toString(), QStringLiteral("http://127.0.0.1:11434"));
        QCOMPARE(r[QStringLiteral("dimensions")].toInt(), 768);
        QCOMPARE(r[QStringLiteral("api_key_env")].toString(), QStringLiteral("OLLAMA_KEY"));
        QCOMPARE(r[QStringLiteral("in_flight")].toInt(), 4);
        QCOMPARE(r[QStringLiteral("price_per_million_tokens")].toDouble(), 0.13);
        QVERIFY(!o.contains(QStringLiteral("bertModel")));
    }

    void invalidIsRefusedNamingTheKey_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("key");
        const QJsonObject good = openAi().toJson();
        auto withRemote = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = good;
            QJsonObject r = o[QStringLiteral("remote")].toObject();
            if (v.isUndefined())
                r.remove(QLatin1String(key));
            else
                r.insert(QLatin1String(key), v);
            o.insert(QStringLiteral("remote"), r);
            return o;
        };
        QTest::newRow("no base url") << withRemote("base_url", QJsonValue::Undefined) << "remote.base_url";
        QTest::newRow("ftp base url") << withRemote("base_url", QStringLiteral("ftp://host/v1")) << "remote.base_url";
        QTest::newRow("no model") << withRemote("model", QStringLiteral(" ")) << "remote.model";
        QTest::newRow("no dimensions") << withRemote("dimensions", QJsonValue::Undefined) << "remote.dimensions";
        QTest::newRow("dimensions as text") << withRemote("dimensions", QStringLiteral("768")) << "remote.dimensions";
        QTest::newRow("fractional in flight") << withRemote("in_flight", 2.5) << "remote.in_flight";
        QTest::newRow("in flight 0") << withRemote("in_flight", 0) << "remote.in_flight";
        QTest::newRow("unknown api") << withRemote("api", QStringLiteral("grpc")) << "remote.api";
        QTest::newRow("negative price") << withRemote("price_per_million_tokens", -1) << "remote.price_per_million_tokens";
        QTest::newRow("the key itself") << withRemote("api_key", QStringLiteral("sk-123")) << "remote.api_key";
        QTest::newRow("env and file") << withRemote("api_key_file", QStringLiteral("/k")) << "remote.api_key_env";
        QJsonObject notObject = good;
        notObject.insert(QStringLiteral("remote"), QJsonArray{});
        QTest::newRow("remote not an object") << notObject << "remote";
        QJsonObject noRemote = good;
        noRemote.remove(QStringLiteral("remote"));
        QTest::newRow("openai without remote") << noRemote << "remote.base_url";
        QJsonObject noModel = bert().toJson();
        noModel.remove(QStringLiteral("bertModel"));
        QTest::newRow("bert without model") << noModel << "bertModel";
        QJsonObject bertNumber = bert().toJson();
        bertNumber.insert(QStringLiteral("bertQueryPrefix"), 3);
        QTest::newRow("bert prefix a number") << bertNumber << "bertQueryPrefix";
    }
    void invalidIsRefusedNamingTheKey()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, key);
        const QString error = refusal(json);
        QVERIFY2(error.startsWith(key), qPrintable(error));
    }

    void invalidKeyNamesTheProvidersField()
    {
        EngineConfig c = openAi();
        c.remote.dimensions = 0;
        QCOMPARE(c.invalidKey(), QStringLiteral("remote.dimensions"));
        EngineConfig b = bert();
        b.bertModel.clear();
        QCOMPARE(b.invalidKey(), QStringLiteral("bertModel"));
        // Another provider's leftovers do not make a configuration invalid.
        EngineConfig h;
        h.remote.dimensions = -5;
        QVERIFY(h.invalidKey().isEmpty());
    }

    void whatChangesVectorsReembeds_data()
    {
        QTest::addColumn<EngineConfig>("from");
        QTest::addColumn<EngineConfig>("to");
        QTest::addColumn<ConfigChange>("change");
        const EngineConfig o = openAi();
        auto edited = [](EngineConfig c, const std::function<void(EngineConfig &)> &f) {
            f(c);
            return c;
        };
        QTest::newRow("hash to openai") << EngineConfig{} << o << ConfigChange::Reembed;
        QTest::newRow("openai to bert") << o << bert() << ConfigChange::Reembed;
        QTest::newRow("model") << o << edited(o, [](EngineConfig &c) { c.remote.model = QStringLiteral("mxbai"); }) << ConfigChange::Reembed;
        QTest::newRow("server") << o << edited(o, [](EngineConfig &c) { c.remote.baseUrl = QStringLiteral("http://gpu-box:11434"); })
                                << ConfigChange::Reembed;
        QTest::newRow("api") << o << edited(o, [](EngineConfig &c) { c.remote.api = EmbeddingApi::OpenAi; }) << ConfigChange::Reembed;
        QTest::newRow("dimensions") << o << edited(o, [](EngineConfig &c) { c.remote.dimensions = 512; }) << ConfigChange::Reembed;
        QTest::newRow("query prefix") << o << edited(o, [](EngineConfig &c) { c.remote.queryPrefix.clear(); }) << ConfigChange::Reembed;
        QTest::newRow("url path only") << o << edited(o, [](EngineConfig &c) { c.remote.baseUrl += QStringLiteral("/v1"); })
                                       << ConfigChange::Immediate;
        QTest::newRow("in flight") << o << edited(o, [](EngineConfig &c) { c.remote.maxInFlight = 1; }) << ConfigChange::Immediate;
        QTest::newRow("price") << o << edited(o, [](EngineConfig &c) { c.remote.pricePerMillionTokens = 0; }) << ConfigChange::Immediate;
        QTest::newRow("key source") << o << edited(o, [](EngineConfig &c) { c.remote.apiKeyEnv = QStringLiteral("OTHER"); })
                                    << ConfigChange::Immediate;
        const EngineConfig b = bert();
        QTest::newRow("bert model") << b << edited(b, [](EngineConfig &c) { c.bertModel = QStringLiteral("bge-small"); })
                                    << ConfigChange::Reembed;
        QTest::newRow("bert document prefix") << b << edited(b, [](EngineConfig &c) { c.bertDocumentPrefix.clear(); })
                                              << ConfigChange::Reembed;
        QTest::newRow("hash dimension under bert") << b << edited(b, [](EngineConfig &c) { c.embeddingDimension = 128; })
                                                   << ConfigChange::Immediate;
    }
    void whatChangesVectorsReembeds()
    {
        QFETCH(EngineConfig, from);
        QFETCH(EngineConfig, to);
        QFETCH(ConfigChange, change);
        QCOMPARE(configChange(from, to), change);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
