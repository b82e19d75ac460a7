// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Engine.h"
#include "model/Job.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace kms::ui {

class EngineHost;

// Shows a rejected record as its source spelled it, editable, with where it came from and why it
// was refused. Retry ingests the edited text through the engine (same mapping as its job); on
// success the record is stored, the reject removed, and the dialog closes; otherwise it says what
// is still wrong and stays open.
class RejectFixDialog : public QDialog
{
    Q_OBJECT
public:
    RejectFixDialog(EngineHost *host, const RejectInfo &reject, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }

signals:
    void fixed(const kms::RejectRetryResult &result);

private:
    void retry();

    EngineHost *m_host;
    RejectInfo m_reject;
    QLabel *m_header;
    QPlainTextEdit *m_editor;
    QLabel *m_result;
    QPushButton *m_retry;
};

} // namespace kms::ui
