// SPDX-License-Identifier: MIT
#include "ingestion/SourcePanel.h"

#include "host/EngineHost.h"
#include "ingestion/DialogHooks.h"
#include "ingestion/MappingEditor.h"
#include "ingestion/PreviewModel.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
constexpr int kPreviewRows = 50;
constexpr int kMaxProblemsShown = 3;
} // namespace

SourcePanel::SourcePanel(EngineHost *host, const DialogHooks *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_dialogs(dialogs)
    , m_fileList(new QListWidget(this))
    , m_add(new QPushButton(tr("Add files…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_info(new QLabel(this))
    , m_previewStack(new QStackedWidget(this))
    , m_previewTable(new QTableView(this))
    , m_previewModel(new PreviewModel(this))
    , m_error(new QLabel(this))
    , m_mapping(new MappingEditor(this))
{
    m_fileList->setObjectName(QStringLiteral("fileList"));
    m_fileList->setAccessibleName(tr("Files to ingest"));
    m_fileList->setFixedWidth(230);
    m_add->setObjectName(QStringLiteral("addFilesButton"));
    m_add->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_add->setToolTip(tr("Choose CSV, JSON or JSON Lines files (also .gz); or drop them on the window"));
    m_remove->setObjectName(QStringLiteral("removeFileButton"));
    m_clear->setObjectName(QStringLiteral("clearFilesButton"));

    auto *hint = new QLabel(tr("Drop CSV, JSON or JSON Lines files (also gzip-compressed) on the window, "
                               "or click “Add files…”.\nThe first records appear here with the "
                               "column mapping, checked before anything is written."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    m_previewTable->setAccessibleName(tr("Preview of the first records"));
    m_previewTable->setModel(m_previewModel);
    m_previewTable->setAlternatingRowColors(true);
    m_previewTable->setWordWrap(false);
    m_previewTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewTable->horizontalHeader()->setDefaultSectionSize(140);
    m_previewTable->verticalHeader()->setDefaultSectionSize(22);
    m_previewTable->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_previewStack->addWidget(hint);
    m_previewStack->addWidget(m_previewTable);

    m_info->setObjectName(QStringLiteral("previewInfo"));
    m_info->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("sourceError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusstyle::setTone(m_error, statusstyle::Tone::Error);
    m_error->hide();

    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_add);
    fileButtons->addWidget(m_remove);
    fileButtons->addWidget(m_clear);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Files"), this));
    left->addWidget(m_fileList, 1);
    left->addLayout(fileButtons);
    auto *right = new QVBoxLayout;
    right->addWidget(m_info);
    right->addWidget(m_previewStack, 1);
    right->addWidget(m_error);
    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top, 1);
    layout->addWidget(m_mapping);

    connect(m_add, &QPushButton::clicked, this, &SourcePanel::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &SourcePanel::removeSelected);
    connect(m_clear, &QPushButton::clicked, this, &SourcePanel::clearFiles);
    connect(m_fileList, &QListWidget::currentRowChanged, this, &SourcePanel::showSelected);
    connect(m_mapping, &MappingEditor::mappingChanged, this, [this] {
        showSelected();
        emit sourceChanged();
    });
    showSelected();
}

void SourcePanel::chooseFiles()
{
    if (m_dialogs && m_dialogs->openFiles)
        addFiles(m_dialogs->openFiles(this));
}

void SourcePanel::addFiles(const QStringList &files)
{
    bool added = false;
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        const QString path = QFileInfo(file).absoluteFilePath();
        if (m_files.contains(path))
            continue;
        m_files.append(path);
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_fileList);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        requestPreview(path);
        added = true;
    }
    if (!added)
        return;
    if (m_fileList->currentRow() < 0 || files.size() == 1)
        m_fileList->setCurrentRow(m_fileList->count() - 1);
    showSelected();
    emit sourceChanged();
}

void SourcePanel::clearFiles()
{
    m_files.clear();
    m_previews.clear();
    m_fileList->clear();
    showSelected();
    emit sourceChanged();
}

void SourcePanel::removeSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    m_files.removeAll(path);
    m_previews.remove(path);
    delete m_fileList->currentItem();
    showSelected();
    emit sourceChanged();
}

QString SourcePanel::selectedPath() const
{
    const QListWidgetItem *item = m_fileList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SourcePanel::loadMissingPreviews()
{
    for (const QString &path : std::as_const(m_files))
        if (!m_previews.contains(path))
            requestPreview(path);
}

void SourcePanel::requestPreview(const QString &path)
{
    if (m_loading.contains(path) || !m_host->isOpen())
        return;
    m_loading.insert(path);
    m_host->run(this, [path](Engine &) { return previewSource(path, kPreviewRows); },
                [this, path](SourcePreview preview) {
                    m_loading.remove(path);
                    if (!m_files.contains(path))
                        return; // removed while it was read
                    if (preview.path.isEmpty()) { // the worker threw: say so rather than wait forever
                        preview.path = path;
                        preview.error = tr("%1: could not be read (see the log)").arg(path);
                    }
                    m_previews.insert(path, preview);
                    for (int row = 0; row < m_fileList->count(); ++row) {
                        QListWidgetItem *item = m_fileList->item(row);
                        if (item->data(Qt::UserRole).toString() == path && !preview.ok())
                            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
                    }
                    showSelected();
                    emit sourceChanged();
                });
}

void SourcePanel::setCollection(std::optional<Collection> collection)
{
    if (m_collection == collection)
        return;
    m_collection = collection;
    showSelected();
    emit sourceChanged();
}

Collection SourcePanel::collectionFor(const SourcePreview &p) const
{
    return m_collection.value_or(p.guessedCollection);
}

FieldMapping SourcePanel::effectiveMapping(const SourcePreview &p) const
{
    FieldMapping mapping;
    QString error;
    if (!mappingFor(p.columns, collectionFor(p), m_collection.has_value(), mappingOverrides(), &mapping, &error))
        mapping = FieldMapping::detect(p.columns, collectionFor(p));
    return mapping;
}

QString SourcePanel::autoCollectionText() const
{
    const auto it = m_previews.constFind(selectedPath());
    if (it == m_previews.cend() || !it->ok())
        return {};
    FieldMapping automatic;
    QString error;
    if (mappingFor(it->columns, it->guessedCollection, false, mappingOverrides(), &automatic, &error)
        && !automatic.column(Field::Kind).isEmpty())
        return tr("by %1").arg(automatic.column(Field::Kind));
    return collectionName(it->guessedCollection);
}

QStringList SourcePanel::mappingOverrides() const
{
    return m_mapping->overrides();
}

bool SourcePanel::previewsReady() const
{
    for (const QString &path : m_files)
        if (!m_previews.contains(path))
            return false;
    return true;
}

qint64 SourcePanel::estimatedRecords() const
{
    qint64 total = 0;
    for (const SourcePreview &p : m_previews)
        total += p.estimatedRecords;
    return total;
}

QString SourcePanel::mappingProblem(const SourcePreview &p) const
{
    FieldMapping mapping;
    QString error;
    const QString name = QFileInfo(p.path).fileName();
    if (!mappingFor(p.columns, collectionFor(p), m_collection.has_value(), mappingOverrides(), &mapping, &error))
        return tr("%1: %2").arg(name, error);
    if (mapping.column(Field::ExternalId).isEmpty())
        return tr("%1: no column is mapped to external_id, which every record needs; choose one under "
                  "“Column mapping”").arg(name);
    if (mapping.column(Field::Title).isEmpty() && mapping.column(Field::Body).isEmpty())
        return tr("%1: neither title nor body is mapped; every record needs one of them").arg(name);
    return {};
}

QString SourcePanel::blockingProblem() const
{
    for (const QString &path : m_files) {
        const auto it = m_previews.constFind(path);
        if (it == m_previews.cend())
            continue;
        if (!it->ok())
            return it->error;
        if (const QString problem = mappingProblem(*it); !problem.isEmpty())
            return problem;
    }
    return {};
}

void SourcePanel::showSelected()
{
    m_remove->setEnabled(m_fileList->currentItem() != nullptr);
    m_clear->setEnabled(!m_files.isEmpty());
    const QString path = selectedPath();
    const auto it = m_previews.constFind(path);
    QStringList errors;
    if (path.isEmpty() || it == m_previews.cend() || !it->ok()) {
        m_previewModel->clear();
        m_mapping->clear();
        m_previewStack->setCurrentIndex(0);
        if (path.isEmpty())
            m_info->setText(m_files.isEmpty() ? tr("No files chosen") : QString());
        else if (it == m_previews.cend())
            m_info->setText(tr("Reading %1 …").arg(QFileInfo(path).fileName()));
        else {
            m_info->setText(QFileInfo(path).fileName());
            errors.append(it->error);
        }
    } else {
        const SourcePreview &p = *it;
        const Collection collection = collectionFor(p);
        m_mapping->setSource(p.columns, FieldMapping::detect(p.columns, collection).columns());
        const FieldMapping mapping = effectiveMapping(p);
        m_previewModel->setPreview(p, mapping, collection);
        m_previewStack->setCurrentIndex(1);
        // With a type column mapped, each record says where it goes; the collection is the default.
        const QString target = mapping.column(Field::Kind).isEmpty()
                                   ? tr("read as %1").arg(collectionName(collection))
                                   : tr("cases or knowledge by its %1 column").arg(mapping.column(Field::Kind));
        m_info->setText(tr("%1 — %2, about %3 records, %4; the first %5 shown")
                            .arg(QFileInfo(path).fileName(), format::bytes(double(p.totalBytes)),
                                 format::count(p.estimatedRecords), target)
                            .arg(p.rows.size()));
        if (!p.stopError.isEmpty())
            errors.append(tr("Reading stops early: %1").arg(p.stopError));
        if (const QString problem = mappingProblem(p); !problem.isEmpty())
            errors.append(problem);
        const QStringList problems = m_previewModel->problems();
        if (!problems.isEmpty()) {
            QStringList shown = problems.mid(0, kMaxProblemsShown);
            errors.append(tr("%1 of the first %2 records would be rejected — %3")
                              .arg(problems.size()).arg(p.rows.size())
                              .arg(shown.join(QStringLiteral("; "))));
        }
    }
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
}

} // namespace kms::ui
