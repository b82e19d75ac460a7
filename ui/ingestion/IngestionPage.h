// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestOptions.h"
#include "ingestion/DialogHooks.h"

#include <QWidget>

#include <optional>

class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace kms::ui {

class EngineHost;
class JobHistoryModel;
class JobOptionsPanel;
class JobRunPanel;
class RejectsPanel;
class SchedulesPanel;
class SourcePanel;

// The ingestion launcher: choose or drop files, check the preview and the column mapping, pick
// collection / mode / workers / batch size / priority, dry-run, start, pause, resume or cancel,
// watch progress; below, the job history, the rejects of the selected job (export, fix and retry)
// and the scheduled syncs. Page id "ingestion".
class IngestionPage : public QWidget
{
    Q_OBJECT
public:
    explicit IngestionPage(EngineHost *host, QWidget *parent = nullptr);

    // The file dialogs; tests replace them.
    DialogHooks &dialogs() { return m_dialogs; }

    SourcePanel *sourcePanel() const { return m_source; }
    JobOptionsPanel *optionsPanel() const { return m_options; }
    JobRunPanel *runPanel() const { return m_run; }
    RejectsPanel *rejectsPanel() const { return m_rejects; }
    SchedulesPanel *schedulesPanel() const { return m_schedules; }
    QTableView *historyView() const { return m_historyView; }
    JobHistoryModel *historyModel() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    // Files chosen elsewhere (dropped on the main window).
    void addFiles(const QStringList &files);
    void refreshHistory();

private:
    // The job the page would start: files, mapping overrides, options; or why not.
    std::optional<IngestOptions> prepareJob(QString *why) const;
    void onOpened(bool ok);
    void onSourceChanged();
    void refreshEmbedderCost();
    void onHistorySelectionChanged();
    void selectJob(qint64 id);
    qint64 selectedJob() const;

    EngineHost *m_host;
    DialogHooks m_dialogs;
    SourcePanel *m_source;
    JobOptionsPanel *m_options;
    JobRunPanel *m_run;
    QTabWidget *m_tabs;
    JobHistoryModel *m_history;
    QSortFilterProxyModel *m_historyProxy;
    QTableView *m_historyView;
    RejectsPanel *m_rejects;
    SchedulesPanel *m_schedules;
    qint64 m_lastHistoryRefreshMs = 0;
    quint64 m_historyGeneration = 0; // older answers arriving late are dropped
    qint64 m_selectAfterRefresh = 0;
};

} // namespace kms::ui
