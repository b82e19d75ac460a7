// SPDX-License-Identifier: MIT
// kmsctl: the KMS Admin engine from the command line.
#include "Command.h"

#include "log/Log.h"

#include <QCoreApplication>

using namespace kms::cli;

namespace {
QString usage()
{
    return QStringLiteral("usage: kmsctl [--data-dir DIR] [--json] [--quiet] [--log-level LEVEL] COMMAND [ARGS]\n\n"
                          "Commands:\n")
         + commandRows(commandTable())
         + QStringLiteral(
               "\nRun `kmsctl COMMAND --help` for a command's options.\n"
               "The data directory is --data-dir, else $KMS_DATA_DIR, else the platform default.\n"
               "Exit codes: 0 ok, 1 failed, 2 usage, 3 data directory unavailable (locked or unusable),\n"
               "4 completed with rejected records, 5 degraded, 6 unhealthy, 7 cancelled.");
}
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kms-admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("kms-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KMS_VERSION));

    // Global options may stand anywhere; what is left is the command and its own arguments.
    Context ctx;
    QStringList rest;
    const QStringList all = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < all.size(); ++i) {
        const QString &a = all[i];
        if (a == QLatin1String("--data-dir") && i + 1 < all.size())
            ctx.dataDir = all[++i];
        else if (a.startsWith(QLatin1String("--data-dir=")))
            ctx.dataDir = a.mid(11);
        else if (a == QLatin1String("--json"))
            ctx.json = true;
        else if (a == QLatin1String("--quiet") || a == QLatin1String("-q"))
            ctx.quiet = true;
        else if (a == QLatin1String("--log-level") && i + 1 < all.size())
            ctx.logLevel = all[++i];
        else
            rest.append(a);
    }
    kms::log::Options logOptions;
    logOptions.level = ctx.logLevel.toStdString();
    kms::log::init(logOptions);

    if (rest.isEmpty() || rest.first() == QLatin1String("help") || rest.first() == QLatin1String("--help")
        || rest.first() == QLatin1String("-h")) {
        out(usage());
        return rest.isEmpty() ? Usage : Ok;
    }
    if (rest.first() == QLatin1String("--version")) {
        out(QStringLiteral("kmsctl %1").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    const QString command = rest.first();
    if (Command *c = findCommand(commandTable(), command)) {
        QStringList args = rest;
        args[0] = QStringLiteral("kmsctl ") + command; // parser error messages name the command
        return c->execute(ctx, args);
    }
    err(QStringLiteral("kmsctl: unknown command '%1'\n\n%2").arg(command, usage()));
    return Usage;
}
