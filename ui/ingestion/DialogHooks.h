// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace kms::ui {

// The file dialogs of the ingestion page, replaceable so tests answer them without a modal.
struct DialogHooks {
    // Files to ingest; empty when the user cancels.
    std::function<QStringList(QWidget *parent)> openFiles;
    // Where to save; empty when the user cancels.
    std::function<QString(QWidget *parent, const QString &suggestedName)> saveFile;

    static DialogHooks standard(); // QFileDialog
};

} // namespace kms::ui
