// SPDX-License-Identifier: MIT
// The logs page: lines logged anywhere appear, the level filter and the text filter narrow them,
// pause holds the view, a flood is capped and counted, and the log file opens through the seam.
#include "UiTestSupport.h"

#include "log/Log.h"
#include "logpage/LogFilterModel.h"
#include "logpage/LogModel.h"
#include "logpage/LogPage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <spdlog/spdlog.h>

using namespace kms;

namespace {
// The messages the view shows now, in order.
QStringList shownMessages(const QAbstractItemModel *m)
{
    QStringList out;
    for (int row = 0; row < m->rowCount(); ++row)
        out << m->index(row, ui::LogModel::MessageColumn).data().toString();
    return out;
}

QList<log::Entry> entries(quint64 firstSeq, int n)
{
    QList<log::Entry> list;
    for (int i = 0; i < n; ++i)
        list.append({firstSeq + quint64(i), 0, int((firstSeq + quint64(i)) % 5), QStringLiteral("kms.test"),
                     QStringLiteral("line %1").arg(firstSeq + quint64(i))});
    return list;
}
} // namespace

class TestLogPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loggedLinesAppearAndFiltersNarrowThem();
    void pauseHoldsTheViewUntilResumed();
    void aFloodIsCappedAndCounted();
    void modelKeepsTheNewestRows();
    void openLogFileUsesTheSeam();

private:
    QTemporaryDir m_logDir;
    ui::EngineHost m_host;
};

void TestLogPage::initTestCase()
{
    log::Options o;
    o.console = false;
    o.directory = m_logDir.path();
    QVERIFY(log::init(o));
}

void TestLogPage::loggedLinesAppearAndFiltersNarrowThem()
{
    ui::LogPage page(&m_host);
    QAbstractItemModelTester modelTester(page.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(page.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    auto logger = log::get("kms.test");
    logger->info("routine line {}", 1);
    logger->warn("disk almost full on {}", "sda1");
    logger->error("index file {} is corrupt", "vectors.kidx");
    log::get("kms.test.other")->warn("another logger's warning");

    auto *view = page.findChild<QTableView *>(QStringLiteral("logView"));
    QVERIFY(view);
    // The page fetches on its own timer.
    QTRY_VERIFY(shownMessages(view->model()).contains(QStringLiteral("index file vectors.kidx is corrupt")));
    const QStringList all = shownMessages(view->model());
    QVERIFY(all.contains(QStringLiteral("routine line 1")));
    QVERIFY(all.indexOf(QStringLiteral("routine line 1")) < all.indexOf(QStringLiteral("disk almost full on sda1")));
    const int row = all.indexOf(QStringLiteral("disk almost full on sda1"));
    QCOMPARE(view->model()->index(row, ui::LogModel::LevelColumn).data().toString(), QStringLiteral("Warning"));
    QCOMPARE(view->model()->index(row, ui::LogModel::LoggerColumn).data().toString(), QStringLiteral("kms.test"));

    // Level: warnings and above.
    auto *level = page.findChild<QComboBox *>(QStringLiteral("levelFilter"));
    QVERIFY(level);
    level->setFocus();
    level->setCurrentIndex(level->findData(int(spdlog::level::warn)));
    QStringList shown = shownMessages(view->model());
    QVERIFY(!shown.contains(QStringLiteral("routine line 1")));
    QVERIFY(shown.contains(QStringLiteral("disk almost full on sda1")));
    QVERIFY(shown.contains(QStringLiteral("index file vectors.kidx is corrupt")));
    for (int r = 0; r < view->model()->rowCount(); ++r)
        QVERIFY(view->model()->index(r, 0).data(ui::LogModel::LevelRole).toInt() >= int(spdlog::level::warn));

    // Text: typed into the filter box, matched without regard to case.
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchFilter"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("ALMOST full"));
    QTRY_COMPARE(shownMessages(view->model()), QStringList{QStringLiteral("disk almost full on sda1")});
    auto *status = page.findChild<QLabel *>(QStringLiteral("logStatus"));
    QVERIFY2(status->text().startsWith(QStringLiteral("1 of ")), qPrintable(status->text()));

    // The logger name matches too; errors only narrows it further.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("kms.test.other"));
    QTRY_COMPARE(shownMessages(view->model()), QStringList{QStringLiteral("another logger's warning")});
    level->setCurrentIndex(level->findData(int(spdlog::level::err)));
    QCOMPARE(view->model()->rowCount(), 0);

    // Cleared filters show everything again.
    search->clear();
    level->setCurrentIndex(0);
    QTRY_COMPARE(view->model()->rowCount(), page.logModel()->rowCount());
}

void TestLogPage::pauseHoldsTheViewUntilResumed()
{
    ui::LogPage page(&m_host);
    page.show();
    auto *pause = page.findChild<QPushButton *>(QStringLiteral("pauseButton"));
    QVERIFY(pause);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(pause->isChecked());
    const int before = page.logModel()->rowCount();
    log::get("kms.test")->warn("logged while paused");
    QTest::qWait(600); // two timer periods
    page.poll();
    QCOMPARE(page.logModel()->rowCount(), before);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!pause->isChecked());
    QCOMPARE(shownMessages(page.logModel()).constLast(), QStringLiteral("logged while paused"));
}

void TestLogPage::aFloodIsCappedAndCounted()
{
    ui::LogPage page(&m_host);
    page.show();
    page.poll();
    auto logger = log::get("kms.test.flood");
    for (int i = 0; i < 30000; ++i)
        logger->info("flood {}", i);
    // One fetch takes a bounded batch: the newest lines, the rest counted, the view stays under its cap.
    page.poll();
    QVERIFY(page.logModel()->rowCount() <= page.logModel()->maxRows());
    QCOMPARE(shownMessages(page.logModel()).constLast(), QStringLiteral("flood 29999"));
    QVERIFY(page.missedLines() >= 20000);
    auto *status = page.findChild<QLabel *>(QStringLiteral("logStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("skipped")), qPrintable(status->text()));
    // The following view is at the newest line.
    auto *view = page.findChild<QTableView *>(QStringLiteral("logView"));
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
}

void TestLogPage::modelKeepsTheNewestRows()
{
    ui::LogModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::LogFilterModel filter;
    filter.setSourceLog(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setMinimumLevel(3);
    quint64 seq = 1;
    for (int batch : {30, 50, 40, 7, 250, 3}) {
        model.append(entries(seq, batch));
        seq += quint64(batch);
    }
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0, 0).data(ui::LogModel::SequenceRole).toULongLong(), seq - 100);
    QCOMPARE(model.index(99, ui::LogModel::MessageColumn).data().toString(), QStringLiteral("line %1").arg(seq - 1));
    // Levels cycle 0..4 with the sequence: two in five are warning or worse.
    QCOMPARE(filter.rowCount(), 40);
    filter.setText(QStringLiteral("line 38"));
    for (int r = 0; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r, ui::LogModel::MessageColumn).data().toString().contains(QStringLiteral("line 38")));
    model.clear();
    QCOMPARE(filter.rowCount(), 0);
}

void TestLogPage::openLogFileUsesTheSeam()
{
    ui::LogPage page(&m_host);
    QList<QUrl> opened;
    page.setUrlOpener([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });
    page.show();
    const QString path = log::filePath();
    QVERIFY(path.startsWith(m_logDir.path()));
    auto *shownPath = page.findChild<QLabel *>(QStringLiteral("logFilePath"));
    QVERIFY(shownPath);
    QCOMPARE(shownPath->text(), path);
    auto *open = page.findChild<QPushButton *>(QStringLiteral("openLogButton"));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(path)});

    // An opener that fails is reported on the page.
    page.setUrlOpener([](const QUrl &) { return false; });
    QTest::mouseClick(open, Qt::LeftButton);
    auto *status = page.findChild<QLabel *>(QStringLiteral("logStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("Could not open")), qPrintable(status->text()));
}

QTEST_MAIN(TestLogPage)
#include "tst_logpage.moc"
