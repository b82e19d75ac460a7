// SPDX-License-Identifier: MIT
#include "datapage/DataPage.h"

#include "datapage/FilterBar.h"
#include "datapage/RecordDialog.h"
#include "datapage/RecordTableModel.h"
#include "host/EngineHost.h"
#include "log/Log.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QAction>
#include <QFileDialog>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace kms::ui {

DataPage::DataPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new RecordTableModel(host, this))
    , m_tabs(new QTabBar(this))
    , m_filters(new FilterBar(this))
    , m_table(new QTableView(this))
    , m_new(new QPushButton(tr("&New…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_exportButton(new QPushButton(tr("E&xport…"), this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
    , m_cancelExport(new QPushButton(tr("&Cancel export"), this))
    , m_exportPoll(new QTimer(this))
{
    setObjectName(QStringLiteral("data"));
    m_queries[0].collection = Collection::Cases;
    m_queries[1].collection = Collection::Knowledge;

    m_tabs->setObjectName(QStringLiteral("collectionTabs"));
    m_tabs->setAccessibleName(tr("Collection"));
    m_tabs->addTab(tr("Cases"));
    m_tabs->addTab(tr("Articles"));
    m_tabs->setExpanding(false);
    m_new->setObjectName(QStringLiteral("newButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_new->setToolTip(tr("Create a record in this collection (Ctrl+N)"));
    m_edit->setToolTip(tr("Edit the selected record (Enter)"));
    m_delete->setToolTip(tr("Delete the selected record (Delete)"));
    m_exportButton->setToolTip(tr("Write every record of this view, in its order, to a CSV or JSONL file"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_tabs);
    top->addStretch(1);
    for (QPushButton *b : {m_new, m_edit, m_delete, m_exportButton})
        top->addWidget(b);

    m_table->setObjectName(QStringLiteral("recordTable"));
    m_table->setAccessibleName(tr("Records"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RecordTableModel::Title, QHeaderView::Stretch);
    header->setSortIndicator(RecordTableModel::Updated, Qt::DescendingOrder);
    header->setSortIndicatorShown(true);
    // Widths from the font, not from the rows: measuring a million rows is what a lazy model avoids.
    const QFontMetrics fm = m_table->fontMetrics();
    const int pad = 2 * fm.averageCharWidth() + 8;
    const QString sampleTime = QLocale().toString(QDateTime(QDate(2024, 12, 30), QTime(23, 59)), QLocale::ShortFormat);
    const std::pair<int, int> widths[] = {
        {RecordTableModel::ExternalId, fm.horizontalAdvance(QStringLiteral("CS-00000000")) + pad},
        {RecordTableModel::Status, fm.horizontalAdvance(QStringLiteral("published")) + pad},
        {RecordTableModel::Priority, fm.horizontalAdvance(QStringLiteral("critical")) + pad},
        {RecordTableModel::Product, fm.averageCharWidth() * 20 + pad},
        {RecordTableModel::Category, fm.averageCharWidth() * 20 + pad},
        {RecordTableModel::Tags, fm.averageCharWidth() * 26 + pad},
        {RecordTableModel::Updated, fm.horizontalAdvance(sampleTime) + pad}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, std::max(width, header->sectionSizeHint(column)));
    m_table->setSortingEnabled(true);
    m_table->installEventFilter(this);

    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportProgress->setMaximumWidth(260);
    m_exportProgress->hide();
    m_cancelExport->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancelExport->hide();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_exportProgress);
    bottom->addWidget(m_cancelExport);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    setTabOrder(m_tabs, m_filters->textEdit());
    setTabOrder(m_filters, m_table);

    auto *newAction = new QAction(this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newAction, &QAction::triggered, this, &DataPage::newRecord);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filters->textEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->textEdit()->selectAll();
    });
    addActions({newAction, findAction});

    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { setCollection(index == 1 ? Collection::Knowledge : Collection::Cases); });
    connect(m_filters, &FilterBar::changed, this, &DataPage::applyFilters);
    connect(m_new, &QPushButton::clicked, this, &DataPage::newRecord);
    connect(m_edit, &QPushButton::clicked, this, &DataPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &DataPage::deleteSelected);
    connect(m_exportButton, &QPushButton::clicked, this, &DataPage::exportView);
    connect(m_cancelExport, &QPushButton::clicked, this, &DataPage::cancelExport);
    connect(m_table, &QTableView::doubleClicked, this, &DataPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DataPage::updateActions);
    connect(m_model, &RecordTableModel::loaded, this, [this](qint64, double ms) {
        m_firstPageMs = ms;
        m_lastPageMs = -1;
        m_summary->setText(summaryText());
        if (m_restoreScroll >= 0) {
            m_table->verticalScrollBar()->setValue(m_restoreScroll);
            m_restoreScroll = -1;
        }
        updateActions();
    });
    connect(m_model, &RecordTableModel::pageLoaded, this, [this](int, double ms) {
        m_lastPageMs = ms;
        m_summary->setText(summaryText());
        updateActions();
    });
    connect(m_model, &RecordTableModel::loadFailed, this,
            [this](const QString &error) { showMessage(tr("Reading records failed: %1").arg(error), true); });
    connect(m_exportPoll, &QTimer::timeout, this, &DataPage::pollExport);
    m_exportPoll->setInterval(100);

    confirmDelete = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete record"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    chooseExportFile = [this](const QString &suggested) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileDialog::getSaveFileName(this, tr("Export records"), dir + u'/' + suggested,
                                            tr("CSV files (*.csv);;JSON Lines files (*.jsonl)"));
    };

    updateColumns();
    m_filters->setCollection(m_collection);
    setEnabled(false); // until the engine is open
    if (host->isOpen())
        onOpened(true);
    connect(host, &EngineHost::opened, this, [this](bool ok, const QString &) { onOpened(ok); });
    // A finished job changed the data: show it.
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (!e.isEnd())
            return;
        reloadKeepingPosition();
        loadFacets();
    });
}

void DataPage::onOpened(bool ok)
{
    setEnabled(ok);
    if (!ok)
        return;
    m_model->setQuery(m_queries[size_t(m_collection)]);
    loadFacets();
}

RecordDialog *DataPage::editor() const
{
    return m_editor.data();
}

QString DataPage::summaryText() const
{
    const QString count = format::count(m_model->total());
    QString text = m_collection == Collection::Cases ? tr("%1 cases").arg(count) : tr("%1 articles").arg(count);
    text += u' ' + tr("· first page %1").arg(format::milliseconds(m_firstPageMs));
    if (m_lastPageMs >= 0)
        text += u' ' + tr("· last page %1").arg(format::milliseconds(m_lastPageMs));
    return text;
}

void DataPage::setCollection(Collection c)
{
    if (c == m_collection && m_model->query().collection == c)
        return;
    m_filters->applyTo(&m_queries[size_t(m_collection)]);
    m_collection = c;
    {
        QSignalBlocker block(m_tabs);
        m_tabs->setCurrentIndex(c == Collection::Knowledge ? 1 : 0);
    }
    const BrowseQuery &q = m_queries[size_t(c)];
    m_filters->setFacets(m_facets[size_t(c)]);
    m_filters->load(q);
    if (auto column = RecordTableModel::columnOf(q.sort)) {
        QSignalBlocker block(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(*column, q.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    updateColumns();
    m_model->setQuery(q);
    loadFacets();
}

void DataPage::updateColumns()
{
    const bool cases = m_collection == Collection::Cases;
    m_table->setColumnHidden(RecordTableModel::Priority, !cases);
    m_table->setColumnHidden(RecordTableModel::Category, cases);
}

void DataPage::applyFilters()
{
    BrowseQuery q = m_model->query();
    q.collection = m_collection;
    const QHeaderView *header = m_table->horizontalHeader();
    if (RecordTableModel::isSortable(header->sortIndicatorSection())) {
        q.sort = RecordTableModel::sortOf(RecordTableModel::Column(header->sortIndicatorSection()));
        q.descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
    }
    m_filters->applyTo(&q);
    m_queries[size_t(m_collection)] = q;
    m_model->setQuery(q);
}

void DataPage::loadFacets()
{
    const Collection c = m_collection;
    m_host->run(this, [c](Engine &e) { return e.browseFacets(c); }, [this, c](BrowseFacets facets) {
        m_facets[size_t(c)] = facets;
        if (c == m_collection)
            m_filters->setFacets(facets);
    });
}

std::optional<BrowseRow> DataPage::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->rowAt(rows.first().row());
}

void DataPage::updateActions()
{
    const bool haveRow = selectedRow().has_value();
    m_edit->setEnabled(haveRow);
    m_delete->setEnabled(haveRow);
    m_exportButton->setEnabled(!m_export && m_model->total() > 0);
}

void DataPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    statusstyle::setTone(m_message, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral);
    if (error)
        log::get("kms.ui.data")->warn("{}", text.toStdString());
}

void DataPage::reloadKeepingPosition()
{
    m_restoreScroll = m_table->verticalScrollBar()->value();
    m_model->reload();
}

bool DataPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            editSelected();
            return true;
        }
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            deleteSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kms::ui
