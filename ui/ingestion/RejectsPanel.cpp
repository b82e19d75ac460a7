// SPDX-License-Identifier: MIT
#include "ingestion/RejectsPanel.h"

#include "host/EngineHost.h"
#include "ingestion/DialogHooks.h"
#include "ingestion/RejectExport.h"
#include "ingestion/RejectFixDialog.h"
#include "ingestion/RejectsModel.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
struct ExportResult {
    qint64 count = 0;
    QString error;
};
} // namespace

RejectsPanel::RejectsPanel(EngineHost *host, const DialogHooks *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_dialogs(dialogs)
    , m_title(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new RejectsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_fix(new QPushButton(tr("Fix and retry…"), this))
    , m_status(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("rejectsTitle"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RejectsModel::SortRole);
    m_view->setObjectName(QStringLiteral("rejectsTable"));
    m_view->setAccessibleName(tr("Rejected records"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RejectsModel::RecordColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RejectsModel::FileColumn, 180);
    m_view->setColumnWidth(RejectsModel::RecordColumn, 70);
    m_view->setColumnWidth(RejectsModel::LineColumn, 60);
    m_view->setColumnWidth(RejectsModel::FieldColumn, 110);
    m_export->setObjectName(QStringLiteral("exportRejectsButton"));
    m_fix->setObjectName(QStringLiteral("fixRejectButton"));
    m_fix->setToolTip(tr("Edit the selected record as its file spells it and ingest it again"));
    m_status->setObjectName(QStringLiteral("rejectsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_fix);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_export, &QPushButton::clicked, this, &RejectsPanel::exportCsv);
    connect(m_fix, &QPushButton::clicked, this, &RejectsPanel::fixSelected);
    connect(m_view, &QTableView::doubleClicked, this, &RejectsPanel::fixSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RejectsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RejectsPanel::updateButtons);
    setJob(0);
}

void RejectsPanel::setJob(qint64 jobId)
{
    m_jobId = jobId;
    m_status->clear();
    reload();
}

void RejectsPanel::reload()
{
    const qint64 jobId = m_jobId;
    if (jobId <= 0) {
        ++m_generation;
        m_model->setRejects(0, {});
        m_title->setText(tr("Select a job in the history to see its rejected records."));
        emit countChanged(0);
        return;
    }
    m_title->setText(tr("Rejected records of job %1: loading …").arg(jobId));
    const quint64 generation = ++m_generation;
    m_host->run(this, [jobId](Engine &e) { return e.rejects(jobId, MaxShown); },
                [this, jobId, generation](const QList<RejectInfo> &rejects) {
                    if (generation != m_generation)
                        return; // a newer reload (or another job) is under way
                    m_model->setRejects(jobId, rejects);
                    m_title->setText(rejects.isEmpty()
                                         ? tr("Job %1 has no rejected records.").arg(jobId)
                                         : rejects.size() >= MaxShown
                                               ? tr("Rejected records of job %1: the first %2 (export for all)")
                                                     .arg(jobId).arg(format::count(rejects.size()))
                                               : tr("Rejected records of job %1: %2")
                                                     .arg(jobId).arg(format::count(rejects.size())));
                    emit countChanged(int(rejects.size()));
                });
}

void RejectsPanel::updateButtons()
{
    m_export->setEnabled(m_model->rowCount() > 0);
    m_fix->setEnabled(m_view->selectionModel()->hasSelection());
}

void RejectsPanel::exportCsv()
{
    if (m_jobId <= 0 || !m_dialogs || !m_dialogs->saveFile)
        return;
    const QString path = m_dialogs->saveFile(this, QStringLiteral("job-%1-rejects.csv").arg(m_jobId));
    if (path.isEmpty())
        return;
    const qint64 jobId = m_jobId;
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting to %1 …").arg(path));
    m_host->run(this, [jobId, path](Engine &e) {
        // Every reject, read in pages: a bad export can reject hundreds of thousands of rows.
        constexpr int kPage = 10000;
        QList<RejectInfo> all;
        for (int offset = 0;; offset += kPage) {
            const QList<RejectInfo> page = e.rejects(jobId, kPage, offset);
            all += page;
            if (page.size() < kPage)
                break;
        }
        ExportResult r;
        r.count = all.size();
        writeRejectsCsv(path, all, &r.error);
        return r;
    }, [this, path](const ExportResult &r) {
        updateButtons();
        if (!r.error.isEmpty()) {
            statusstyle::setTone(m_status, statusstyle::Tone::Error);
            m_status->setText(tr("Export failed: %1").arg(r.error));
            return;
        }
        statusstyle::setTone(m_status, statusstyle::Tone::Neutral);
        m_status->setText(tr("Exported %1 rejected records to %2").arg(format::count(r.count), path));
    });
}

void RejectsPanel::fixSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const RejectInfo *reject = m_model->rejectAt(m_proxy->mapToSource(rows.first()).row());
    if (!reject)
        return;
    auto *dialog = new RejectFixDialog(m_host, *reject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RejectFixDialog::fixed, this, [this](const RejectRetryResult &r) {
        statusstyle::setTone(m_status, statusstyle::Tone::Neutral);
        m_status->setText(r.unchanged ? tr("Record %1 (%2) was already stored as fixed; its reject is removed.")
                                            .arg(r.externalId, collectionName(r.collection))
                                      : tr("Record %1 stored in %2; its reject is removed.")
                                            .arg(r.externalId, collectionName(r.collection)));
        reload();
        emit recordFixed();
    });
    dialog->open(); // window-modal, not a nested event loop
}

} // namespace kms::ui
