// SPDX-License-Identifier: MIT
// API tokens through the engine's verbs: shown once, stored only as their SHA-256, names checked,
// revoked at once, their use noted.
#include "../TestEngine.h"

#include "engine/Engine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

class TestApiTokens : public QObject
{
    Q_OBJECT

private slots:
    void storedHashedOnly()
    {
        QTemporaryDir dir;
        QByteArray secret;
        {
            auto engine = testdata::openTestEngine(dir.path());
            QVERIFY(engine);
            QString error;
            const auto created = engine->createApiToken(QStringLiteral("portal"), ApiTokenScope::Read, &error);
            QVERIFY2(created, qPrintable(error));
            secret = created->secret.toLatin1();
            QVERIFY(secret.startsWith("kms_"));
            QCOMPARE(secret.size(), 4 + 64);
            QVERIFY(engine->verifyApiToken(secret));
        }
        // Neither the database nor its write-ahead log holds the token; the database holds its hash.
        QByteArray bytes;
        for (const QString &name : QDir(dir.path()).entryList({QStringLiteral("kms.sqlite*")}, QDir::Files)) {
            QFile f(QDir(dir.path()).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            bytes += f.readAll();
        }
        QVERIFY(!bytes.contains(secret));
        QVERIFY(!bytes.contains(secret.mid(4)));
        QVERIFY(bytes.contains(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex()));
    }

    void verifyRevokeAndNames()
    {
        QTemporaryDir dir;
        auto engine = testdata::openTestEngine(dir.path());
        QVERIFY(engine);
        QString error;
        const auto w = engine->createApiToken(QStringLiteral("sync.job-1"), ApiTokenScope::Write, &error);
        QVERIFY(w);
        const auto v = engine->verifyApiToken(w->secret.toLatin1());
        QVERIFY(v);
        QCOMPARE(v->name, QStringLiteral("sync.job-1"));
        QCOMPARE(v->scope, ApiTokenScope::Write);
        QVERIFY(!engine->verifyApiToken(w->secret.toLatin1() + "0"));
        QVERIFY(!engine->verifyApiToken(w->secret.toLatin1().chopped(1)));
        QVERIFY(!engine->verifyApiToken(QByteArray()));
        // Its use is noted.
        QVERIFY(engine->apiTokens().first().lastUsedAt.isValid());

        QVERIFY(!engine->createApiToken(QStringLiteral("sync.job-1"), ApiTokenScope::Read, &error));
        QVERIFY2(error.contains(QLatin1String("exists already")), qPrintable(error));
        QVERIFY(!engine->createApiToken(QStringLiteral("has space"), ApiTokenScope::Read, &error));
        QVERIFY(!engine->createApiToken(QString(65, u'a'), ApiTokenScope::Read, &error));

        QVERIFY(engine->revokeApiToken(QStringLiteral("sync.job-1"), &error));
        QVERIFY(!engine->verifyApiToken(w->secret.toLatin1()));
        QVERIFY(!engine->revokeApiToken(QStringLiteral("sync.job-1"), &error));
        // A revoked name may be given again; the revoked token stays listed.
        const auto again = engine->createApiToken(QStringLiteral("sync.job-1"), ApiTokenScope::Read, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(again->secret != w->secret);
        const QList<ApiToken> all = engine->apiTokens();
        QCOMPARE(all.size(), 2);
        QVERIFY(!all.at(0).revoked());
        QVERIFY(all.at(1).revoked());
    }
};

QTEST_GUILESS_MAIN(TestApiTokens)
#include "tst_api_tokens.moc"
