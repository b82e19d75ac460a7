// SPDX-License-Identifier: MIT
// The pages of the main window, in sidebar order. Only pages that work are listed.
#include "shell/MainWindow.h"

#include "host/EngineHost.h"

namespace kms::ui {

void MainWindow::addPages()
{
}

} // namespace kms::ui
