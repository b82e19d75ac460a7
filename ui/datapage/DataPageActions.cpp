// SPDX-License-Identifier: MIT
// The data page's actions: create and edit in the dialog, delete, export.
#include "datapage/DataPage.h"

#include "datapage/RecordDialog.h"
#include "datapage/RecordTableModel.h"
#include "host/EngineHost.h"
#include "widgets/Format.h"

#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

namespace kms::ui {

namespace {
// What the editor needs besides the record: allowed values and the stored product/category names.
struct EditorInputs {
    std::optional<StoredRecord> record;
    QString error;
    AllowedValues allowed;
    BrowseFacets facets;
};
} // namespace

void DataPage::newRecord()
{
    if (!m_host->isOpen() || m_editor)
        return;
    openEditor(0);
}

void DataPage::editSelected()
{
    const auto row = selectedRow();
    if (!row || !m_host->isOpen() || m_editor)
        return;
    openEditor(row->id);
}

// The whole record (when editing), the allowed values and the stored names are read in the
// background first; the dialog opens with them.
void DataPage::openEditor(qint64 id)
{
    const Collection c = m_collection;
    m_host->run(this,
                [c, id](Engine &e) {
                    EditorInputs in;
                    if (id > 0) {
                        in.record = e.record(id, &in.error);
                        if (!in.record)
                            return in;
                    }
                    in.allowed = e.allowedValues(c);
                    in.facets = e.browseFacets(c);
                    return in;
                },
                [this, c, id](EditorInputs in) {
                    if (id > 0 && !in.record) {
                        showMessage(tr("The record could not be read: %1").arg(in.error), true);
                        reloadKeepingPosition();
                        return;
                    }
                    if (m_editor)
                        return;
                    m_editor = new RecordDialog(c, in.record, in.allowed, in.facets, this);
                    m_editor->setAttribute(Qt::WA_DeleteOnClose);
                    connect(m_editor, &RecordDialog::saveRequested, this, &DataPage::saveFromEditor);
                    m_editor->open();
                });
}

void DataPage::saveFromEditor(const Record &record)
{
    RecordDialog *dialog = m_editor.data();
    if (!dialog)
        return;
    dialog->setBusy(true);
    const qint64 id = dialog->recordId();
    m_host->run(dialog, [record, id](Engine &e) { return e.saveRecord(record, id); },
                [this, dialog](RecordSaveResult result) {
                    dialog->setBusy(false);
                    if (!result.problems.isEmpty()) {
                        dialog->showProblems(result.problems);
                        return;
                    }
                    if (!result.ok) {
                        dialog->showError(tr("Saving failed: %1").arg(result.error));
                        return;
                    }
                    dialog->accept();
                    const Record &r = result.stored.record;
                    showMessage(result.created ? tr("Created %1 “%2”.").arg(r.externalId, r.title)
                                : result.changed ? tr("Saved %1 “%2”; it is searchable now.").arg(r.externalId, r.title)
                                                 : tr("No changes to %1.").arg(r.externalId));
                    if (result.changed) {
                        reloadKeepingPosition();
                        loadFacets();
                    }
                    emit recordSaved(result);
                });
}

void DataPage::deleteSelected()
{
    const auto row = selectedRow();
    if (!row || !m_host->isOpen())
        return;
    const QString question =
        m_collection == Collection::Cases
            ? tr("Delete case %1 “%2”?\n\nIt is removed from the store and from keyword and vector search. "
                 "This cannot be undone.").arg(row->externalId, row->title)
            : tr("Delete article %1 “%2”?\n\nIt is removed from the store and from keyword and vector search. "
                 "This cannot be undone.").arg(row->externalId, row->title);
    if (!confirmDelete || !confirmDelete(question))
        return;
    const qint64 id = row->id;
    const QString externalId = row->externalId;
    m_host->run(this,
                [id](Engine &e) {
                    QString error;
                    return e.deleteRecord(id, &error) ? QString() : (error.isEmpty() ? QStringLiteral("?") : error);
                },
                [this, id, externalId](QString error) {
                    if (!error.isEmpty()) {
                        showMessage(tr("Deleting %1 failed: %2").arg(externalId, error), true);
                        return;
                    }
                    showMessage(tr("Deleted %1.").arg(externalId));
                    reloadKeepingPosition();
                    loadFacets();
                    emit recordDeleted(id);
                });
}

void DataPage::exportView()
{
    if (m_export || !m_host->isOpen() || !chooseExportFile)
        return;
    const QString suggested = m_collection == Collection::Cases ? QStringLiteral("cases.csv")
                                                                : QStringLiteral("articles.csv");
    QString path = chooseExportFile(suggested);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"csv" && suffix != u"jsonl" && suffix != u"ndjson" && suffix != u"json")
        path += QStringLiteral(".csv");

    auto progress = std::make_shared<ExportProgress>();
    m_export = progress;
    m_exportProgress->setRange(0, 0);
    m_exportProgress->show();
    m_cancelExport->show();
    m_exportPoll->start();
    updateActions();
    showMessage(tr("Exporting to %1 …").arg(path));
    const BrowseQuery query = m_model->query();
    m_host->run(this, [query, path, progress](Engine &e) { return e.exportRecords(query, path, progress.get()); },
                [this](ExportResult result) {
                    m_export.reset();
                    m_exportPoll->stop();
                    m_exportProgress->hide();
                    m_cancelExport->hide();
                    updateActions();
                    if (result.ok)
                        showMessage(tr("Exported %1 records to %2.").arg(format::count(result.records), result.path));
                    else if (result.cancelled)
                        showMessage(tr("Export cancelled; no file was written."));
                    else
                        showMessage(tr("Export failed: %1").arg(result.error), true);
                    emit exportFinished(result);
                });
}

void DataPage::pollExport()
{
    if (!m_export)
        return;
    const qint64 total = m_export->total.load();
    const qint64 done = m_export->done.load();
    if (total <= 0) {
        m_exportProgress->setRange(0, 0); // still counting
        return;
    }
    // QProgressBar takes ints: per mille.
    m_exportProgress->setRange(0, 1000);
    m_exportProgress->setValue(int(done * 1000 / total));
    m_exportProgress->setFormat(tr("%1 of %2").arg(format::count(done), format::count(total)));
}

void DataPage::cancelExport()
{
    if (m_export)
        m_export->cancel = true;
}

} // namespace kms::ui
