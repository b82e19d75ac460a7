// SPDX-License-Identifier: MIT
#pragma once
// Shared by the ingestion page tests: a page over a real engine, its widgets by name, and a way
// to ask the engine something from the test without blocking the GUI thread.

#include "../../TestData.h"
#include "UiTestSupport.h"

#include "ingestion/IngestionPage.h"
#include "ingestion/JobHistoryModel.h"
#include "ingestion/JobRunPanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

#include <memory>
#include <vector>

namespace kms::testui {

// Runs f on the engine through the host and waits for the answer (the event loop keeps running).
template<typename F>
auto ask(ui::EngineHost &host, F f)
{
    using R = std::invoke_result_t<F, Engine &>;
    std::optional<R> result;
    QObject context;
    host.run(&context, std::move(f), [&result](R r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        qFatal("the engine did not answer within a minute");
    return *result;
}

template<typename T>
T *child(QWidget &w, const char *name)
{
    T *c = w.findChild<T *>(QLatin1String(name));
    if (!c)
        qFatal("no child %s", name);
    return c;
}

inline QString labelText(QWidget &w, const char *name)
{
    return child<QLabel>(w, name)->text();
}

// Every model the page shows, checked by QAbstractItemModelTester for as long as the test runs.
struct ModelTesters {
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    void watch(QAbstractItemModel *m)
    {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    void watchView(QWidget &page, const char *viewName)
    {
        auto *view = child<QTableView>(page, viewName);
        watch(view->model());
        if (auto *proxy = qobject_cast<QAbstractProxyModel *>(view->model()))
            watch(proxy->sourceModel());
    }
    void watchPage(QWidget &page)
    {
        for (const char *name : {"historyTable", "rejectsTable", "schedulesTable", "previewTable"})
            watchView(page, name);
    }
};

// Chooses files through the dialog seam and clicks "Add files…", then waits for their previews.
inline bool addFilesByDialog(ui::IngestionPage &page, const QStringList &files)
{
    page.dialogs().openFiles = [files](QWidget *) { return files; };
    QTest::mouseClick(child<QPushButton>(page, "addFilesButton"), Qt::LeftButton);
    return QTest::qWaitFor([&] { return labelText(page, "previewInfo").contains(QLatin1String("records")); }, 30000);
}

inline int historyRowOf(ui::IngestionPage &page, qint64 jobId)
{
    return page.historyModel()->rowOfJob(jobId);
}

inline const JobInfo *historyJob(ui::IngestionPage &page, qint64 jobId)
{
    const int row = historyRowOf(page, jobId);
    return row < 0 ? nullptr : &page.historyModel()->jobs().at(row);
}

} // namespace kms::testui
