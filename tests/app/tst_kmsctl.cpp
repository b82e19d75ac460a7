// SPDX-License-Identifier: MIT
// kmsctl's command table seen from outside: every command `kmsctl --help` lists answers --help
// without touching a data directory, and an unknown command fails with the usage.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

class TestKmsctl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    Run kmsctl(const QStringList &args) const
    {
        QProcess p;
        p.setProgram(QStringLiteral(KMS_TEST_BINARY_DIR "/app/kmsctl/kmsctl"));
        p.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir()} + args);
        p.start();
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // The command rows of the usage: "  NAME SYNOPSIS   summary", continuation lines indented deeper.
    static QList<QStringList> commandRows(const QString &usage)
    {
        QList<QStringList> rows;
        const QString commands = usage.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        static const QRegularExpression row(QStringLiteral("^  ([a-z][a-z-]*)(?: (.*?))?(?:  +\\S.*)?$"));
        for (const QString &line : commands.split(QLatin1Char('\n'))) {
            const auto m = row.match(line);
            if (m.hasMatch())
                rows.append({m.captured(1), m.captured(2).trimmed()});
        }
        return rows;
    }

    void verifyHelp(const QStringList &command)
    {
        const Run r = kmsctl(command + QStringList{QStringLiteral("--help")});
        const QString name = command.join(QLatin1Char(' '));
        QVERIFY2(r.exitCode == 0, qPrintable(name + QStringLiteral(": exit ") + QString::number(r.exitCode) + r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ")), qPrintable(name + QStringLiteral(": ") + r.out));
        QVERIFY2(r.out.contains(QStringLiteral("--help")), qPrintable(name));
        QVERIFY2(r.err.isEmpty(), qPrintable(name + QStringLiteral(": ") + r.err));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyListedCommandAnswersHelp()
    {
        const Run usage = kmsctl({QStringLiteral("--help")});
        QCOMPARE(usage.exitCode, 0);
        const QList<QStringList> rows = commandRows(usage.out);
        QStringList names;
        for (const QStringList &r : rows)
            names << r.first();
        for (const char *expected : {"init", "ingest", "initial-load", "health", "stats", "jobs", "rejects", "generate",
                                     "search", "similar", "search-log", "eval", "benchmark", "schedule"})
            QVERIFY2(names.contains(QLatin1String(expected)), qPrintable(names.join(u' ')));
        QCOMPARE(names.removeDuplicates(), 0);
        for (const QStringList &r : rows) {
            const QString &synopsis = r.at(1);
            // A synopsis "a ... | b ... | c" names subcommands; each of them parses its own options.
            if (synopsis.contains(QStringLiteral(" | ")) && !synopsis.startsWith(QLatin1Char('['))) {
                for (const QString &alternative : synopsis.split(QStringLiteral(" | ")))
                    verifyHelp({r.first(), alternative.section(QLatin1Char(' '), 0, 0)});
                // The group itself answers --help on stdout with exit 0, and without a
                // subcommand it is a usage error on stderr.
                verifyHelp({r.first()});
                const Run bare = kmsctl({r.first()});
                QVERIFY2(bare.exitCode == 2 && bare.out.isEmpty() && bare.err.startsWith(QStringLiteral("Usage: ")),
                         qPrintable(r.first() + QStringLiteral(": ") + bare.err));
            } else {
                verifyHelp({r.first()});
            }
            if (QTest::currentTestFailed())
                return;
        }
        // Help opens nothing: no data directory was created.
        QVERIFY(!QFileInfo::exists(dataDir()));
    }

    void unknownCommandFailsWithTheUsage()
    {
        const Run usage = kmsctl({QStringLiteral("--help")});
        const Run r = kmsctl({QStringLiteral("frobnicate"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("kmsctl: unknown command 'frobnicate'\n\n")), qPrintable(r.err));
        QVERIFY(r.err.contains(usage.out.trimmed()));
        QVERIFY(!QFileInfo::exists(dataDir()));
    }

    void badOptionFailsWithTheCommandsHelp()
    {
        const Run r = kmsctl({QStringLiteral("stats"), QStringLiteral("--no-such-option")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("kmsctl stats: Unknown option 'no-such-option'.")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Record counts, index size and the last job.")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dataDir()));
    }
};

} // namespace

QTEST_GUILESS_MAIN(TestKmsctl)
#include "tst_kmsctl.moc"
