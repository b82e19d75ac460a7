// SPDX-License-Identifier: MIT
#include "ingestion/RejectFixDialog.h"

#include "host/EngineHost.h"
#include "readers/SingleRecord.h"
#include "widgets/StatusStyle.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kms::ui {

RejectFixDialog::RejectFixDialog(EngineHost *host, const RejectInfo &reject, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_reject(reject)
    , m_header(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    setObjectName(QStringLiteral("rejectFixDialog"));
    setWindowTitle(tr("Fix rejected record %1").arg(reject.recordNumber));
    auto *form = new QFormLayout;
    auto *file = new QLabel(reject.source, this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("File:"), file);
    form->addRow(tr("Record:"), new QLabel(reject.line > 0 ? tr("%1 (line %2)").arg(reject.recordNumber).arg(reject.line)
                                                           : QString::number(reject.recordNumber), this));
    form->addRow(tr("Field:"), new QLabel(reject.field.isEmpty() ? tr("(whole record)") : reject.field, this));
    auto *reason = new QLabel(reject.reason, this);
    reason->setWordWrap(true);
    statusstyle::setTone(reason, statusstyle::Tone::Error);
    form->addRow(tr("Reason:"), reason);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_header->setObjectName(QStringLiteral("csvHeader"));
    m_header->setFont(mono);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->hide();
    m_editor->setObjectName(QStringLiteral("rawEdit"));
    m_editor->setAccessibleName(tr("Record text"));
    m_editor->setFont(mono);
    m_editor->setPlainText(reject.rawData);
    m_editor->setMinimumSize(560, 160);
    m_result->setObjectName(QStringLiteral("retryResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &RejectFixDialog::retry);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The record as the file spells it; edit it and retry:"), this));
    layout->addWidget(m_header);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    // A CSV row means nothing without its header: show it (read in the background).
    const QString lower = reject.source.toLower();
    if (lower.contains(QLatin1String(".csv")) || lower.contains(QLatin1String(".tsv"))) {
        const QString source = reject.source;
        m_host->run(this, [source](Engine &) {
            QString error;
            const QStringList columns = csvHeader(source, &error);
            return columns.isEmpty() ? tr("Header unavailable: %1").arg(error)
                                     : tr("Columns: %1").arg(columns.join(QStringLiteral(" | ")));
        }, [this](const QString &text) {
            m_header->setText(text);
            m_header->show();
        });
    }
}

void RejectFixDialog::retry()
{
    m_retry->setEnabled(false);
    statusstyle::setTone(m_result, statusstyle::Tone::Neutral);
    m_result->setText(tr("Retrying …"));
    const qint64 id = m_reject.id;
    const QString text = m_editor->toPlainText();
    m_host->run(this, [id, text](Engine &e) { return e.retryReject(id, text); },
                [this](const RejectRetryResult &r) {
                    m_retry->setEnabled(true);
                    if (!r.ok) {
                        statusstyle::setTone(m_result, statusstyle::Tone::Error);
                        m_result->setText(r.error.isEmpty() ? tr("The retry failed (see the log).")
                                                            : tr("Still rejected: %1").arg(r.error));
                        return;
                    }
                    emit fixed(r);
                    accept();
                });
}

} // namespace kms::ui
