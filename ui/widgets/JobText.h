// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QColor>
#include <QString>

namespace kms::ui::jobtext {

// How a job's state reads in tiles, the status bar and notifications.
QString status(JobStatus s);     // "Completed", "Failed", ...
QColor statusColor(JobStatus s); // green, red, amber; invalid for the neutral states
// "20,000 read: 19,990 new, 0 changed, 0 unchanged, 10 rejected"
QString counts(const JobCounts &c);

} // namespace kms::ui::jobtext
