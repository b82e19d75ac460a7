// SPDX-License-Identifier: MIT
#pragma once

#include "engine/RecordEdits.h"
#include "model/Browse.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabBar;
class QTableView;
class QTimer;

namespace kms::ui {

class EngineHost;
class FilterBar;
class RecordDialog;
class RecordTableModel;

// The data browser (page id "data"): cases and articles in lazily loaded tables that sort and
// filter in SQL, a dialog to create and edit a record, delete with confirmation, and export of the
// current view to CSV or JSONL. Every engine call goes through the host; writes re-embed and
// re-index at once (Engine::saveRecord / deleteRecord).
// Keyboard: Enter edits the selected row, Delete deletes it, Ctrl+N creates, Ctrl+F filters.
class DataPage : public QWidget
{
    Q_OBJECT
public:
    explicit DataPage(EngineHost *host, QWidget *parent = nullptr);

    // Seams for tests (defaults: QMessageBox::question, QFileDialog::getSaveFileName).
    std::function<bool(const QString &question)> confirmDelete;
    std::function<QString(const QString &suggestedName)> chooseExportFile;

    RecordTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filters; }
    RecordDialog *editor() const;
    Collection collection() const { return m_collection; }
    bool isExporting() const { return m_export != nullptr; }
    QString summaryText() const;

public slots:
    void setCollection(kms::Collection c);
    void newRecord();
    void editSelected();
    void deleteSelected();
    void exportView();
    void cancelExport();

signals:
    void recordSaved(const kms::RecordSaveResult &result);
    void recordDeleted(qint64 id);
    void exportFinished(const kms::ExportResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onOpened(bool ok);
    void applyFilters();
    void loadFacets();
    void openEditor(qint64 id); // 0: a new record
    void saveFromEditor(const Record &record);
    void reloadKeepingPosition();
    void updateActions();
    void updateColumns();
    void showMessage(const QString &text, bool error = false);
    void pollExport();
    std::optional<BrowseRow> selectedRow() const;

    EngineHost *m_host;
    RecordTableModel *m_model;
    QTabBar *m_tabs;
    FilterBar *m_filters;
    QTableView *m_table;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_exportButton;
    QLabel *m_summary;
    QLabel *m_message;
    QProgressBar *m_exportProgress;
    QPushButton *m_cancelExport;
    QTimer *m_exportPoll;
    QPointer<RecordDialog> m_editor;

    Collection m_collection = Collection::Cases;
    std::array<BrowseQuery, 2> m_queries;      // per collection, so a switch keeps each one's view
    std::array<BrowseFacets, 2> m_facets;
    double m_firstPageMs = 0;
    double m_lastPageMs = -1;
    int m_restoreScroll = -1;                  // after a reload: the scroll position to go back to
    std::shared_ptr<ExportProgress> m_export;  // while an export runs
};

} // namespace kms::ui
