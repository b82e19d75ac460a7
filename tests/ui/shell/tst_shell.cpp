// SPDX-License-Identifier: MIT
// The main window over a real engine: it opens, lists its pages, and closes only after the engine
// has shut down.
#include "UiTestSupport.h"

#include "host/EngineHost.h"
#include "shell/MainWindow.h"

#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

class TestShell : public QObject
{
    Q_OBJECT
private slots:
    void opensAndCloses();
    void openErrorIsShown();
    void hostRunsWorkOffTheGuiThread();
};

void TestShell::opensAndCloses()
{
    QTemporaryDir dir;
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.show();
    QVERIFY(testui::openHost(host, dir.path()));
    auto *state = window.findChild<QLabel *>(QStringLiteral("openState"));
    QVERIFY(state);
    QCOMPARE(state->text(), dir.path());

    QSignalSpy closed(&host, &ui::EngineHost::closed);
    window.close();                 // asks the host to shut down; the window stays until it has
    QVERIFY(closed.wait(30000));
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(!host.isOpen());
}

void TestShell::openErrorIsShown()
{
    QTemporaryDir dir;
    // A file where the data directory should be: the engine cannot open it.
    const QString path = dir.filePath(QStringLiteral("not-a-dir"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ui::EngineHost host;
    QString error;
    QVERIFY(!testui::openHost(host, path, &error));
    QVERIFY2(!error.isEmpty(), "the open error names the problem");
    QVERIFY(!host.isOpen());
}

void TestShell::hostRunsWorkOffTheGuiThread()
{
    QTemporaryDir dir;
    ui::EngineHost host;
    QVERIFY(testui::openHost(host, dir.path()));
    QThread *workThread = nullptr;
    qint64 total = -1;
    bool delivered = false;
    QObject context;
    host.run(&context, [&workThread](Engine &e) {
        workThread = QThread::currentThread();
        return e.counts().total();
    }, [&](qint64 n) {
        total = n;
        delivered = QThread::currentThread() == qApp->thread();
    });
    QTRY_VERIFY(delivered);
    QVERIFY(workThread && workThread != qApp->thread());
    QCOMPARE(total, 0);

    // Never inside run(), even when the work is done before run() returns: callers set their
    // state after calling it.
    for (int i = 0; i < 50; ++i) {
        bool early = false;
        host.run(&context, [](Engine &) { return 1; }, [&early](int) { early = true; });
        QThread::msleep(2);
        QVERIFY(!early);
        QTRY_VERIFY(early);
    }

    // A result whose context is gone is dropped, not delivered to a dead object.
    bool late = false;
    {
        QObject shortLived;
        host.run(&shortLived, [](Engine &) { QThread::msleep(200); return 1; }, [&late](int) { late = true; });
    }
    QTest::qWait(500);
    QVERIFY(!late);
    QVERIFY(testui::closeHost(host));
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
