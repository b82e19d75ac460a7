// SPDX-License-Identifier: MIT
#include "ingestion/DialogHooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

namespace kms::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kms::ui::DialogHooks", text);
}
} // namespace

DialogHooks DialogHooks::standard()
{
    DialogHooks hooks;
    hooks.openFiles = [](QWidget *parent) {
        return QFileDialog::getOpenFileNames(
            parent, tr("Choose files to ingest"), QDir::homePath(),
            tr("Support exports (*.csv *.tsv *.json *.jsonl *.ndjson *.csv.gz *.tsv.gz *.json.gz *.jsonl.gz "
               "*.ndjson.gz);;All files (*)"));
    };
    hooks.saveFile = [](QWidget *parent, const QString &suggestedName) {
        return QFileDialog::getSaveFileName(parent, tr("Export rejected records"),
                                            QDir::home().filePath(suggestedName), tr("CSV files (*.csv)"));
    };
    return hooks;
}

} // namespace kms::ui
