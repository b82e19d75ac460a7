// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/SourcePreview.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace kms::ui {

class EngineHost;
class MappingEditor;
class PreviewModel;
struct DialogHooks;

// The files of the next job: chosen with the file dialog or dropped on the window, each previewed
// in the background (first records, columns, detected mapping, record estimate). Shows the
// selected file's first records checked against the mapping, and the mapping editor.
class SourcePanel : public QWidget
{
    Q_OBJECT
public:
    SourcePanel(EngineHost *host, const DialogHooks *dialogs, QWidget *parent = nullptr);

    void addFiles(const QStringList &files);
    void clearFiles();
    QStringList files() const { return m_files; }
    QStringList mappingOverrides() const;
    // The collection chosen on the page (nullopt: auto); detection and the check follow it.
    void setCollection(std::optional<Collection> collection);

    bool previewsReady() const;          // every file has been read
    // What stops a job from being started: an unreadable file, a bad mapping. Names the file.
    QString blockingProblem() const;
    qint64 estimatedRecords() const;     // over all files
    // What "auto" means for the selected file: "cases", "knowledge", or "by record_type" when a
    // per-record type column decides. Empty when nothing is previewed.
    QString autoCollectionText() const;
    // Previews are read through the engine host: call once the engine is open.
    void loadMissingPreviews();

signals:
    void sourceChanged(); // files, previews or the mapping changed

private:
    void chooseFiles();
    void removeSelected();
    void requestPreview(const QString &path);
    void showSelected();
    Collection collectionFor(const SourcePreview &p) const;
    QString mappingProblem(const SourcePreview &p) const;
    FieldMapping effectiveMapping(const SourcePreview &p) const;
    QString selectedPath() const;

    EngineHost *m_host;
    const DialogHooks *m_dialogs;
    QListWidget *m_fileList;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_clear;
    QLabel *m_info;
    QStackedWidget *m_previewStack;
    QTableView *m_previewTable;
    PreviewModel *m_previewModel;
    QLabel *m_error;
    MappingEditor *m_mapping;

    QStringList m_files;
    QHash<QString, SourcePreview> m_previews;
    QSet<QString> m_loading;
    std::optional<Collection> m_collection;
};

} // namespace kms::ui
