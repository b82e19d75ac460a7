// SPDX-License-Identifier: MIT
#include "widgets/JobText.h"

#include "widgets/StatusStyle.h"

#include "widgets/Format.h"

#include <QCoreApplication>

namespace kms::ui::jobtext {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kms::ui::jobtext", text);
}
} // namespace

QString status(JobStatus s)
{
    switch (s) {
    case JobStatus::Queued: return tr("Queued");
    case JobStatus::Running: return tr("Running");
    case JobStatus::Paused: return tr("Paused");
    case JobStatus::Completed: return tr("Completed");
    case JobStatus::Failed: return tr("Failed");
    case JobStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

QColor statusColor(JobStatus s)
{
    if (s == JobStatus::Queued)
        return {};
    return statusstyle::textColor(statusstyle::jobTone(s));
}

QString counts(const JobCounts &c)
{
    return tr("%1 read: %2 new, %3 changed, %4 unchanged, %5 rejected")
        .arg(format::count(c.read), format::count(c.inserted), format::count(c.updated),
             format::count(c.unchanged), format::count(c.rejected));
}

} // namespace kms::ui::jobtext
