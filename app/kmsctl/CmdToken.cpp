// SPDX-License-Identifier: MIT
// kmsctl token create | list | revoke: bearer tokens of the REST API (`kmsctl serve`). They work
// while `kmsctl serve` or the desktop app holds the data directory (ApiTokenAdmin says how).
#include "Command.h"

#include "engine/ApiTokenBook.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace kms::cli {

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

QJsonObject tokenJson(const ApiToken &t)
{
    return QJsonObject{{QStringLiteral("name"), t.name},
                       {QStringLiteral("scope"), apiTokenScopeName(t.scope)},
                       {QStringLiteral("created_at"), t.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("last_used_at"), t.lastUsedAt.toString(Qt::ISODate)},
                       {QStringLiteral("revoked_at"), t.revokedAt.toString(Qt::ISODate)}};
}

// A token subcommand: opens the token store of the data directory, shared with a process holding
// it (which then serves a new token at once and refuses a revoked one at once).
class TokenSubcommand : public OptionCommand {
public:
    using OptionCommand::OptionCommand;

protected:
    virtual int runOn(const Context &ctx, const QCommandLineParser &parser, ApiTokenAdmin &tokens) = 0;

private:
    int run(const Context &ctx, const QCommandLineParser &parser) final
    {
        QString error;
        auto admin = ApiTokenAdmin::open(Engine::resolveDataDirectory(ctx.dataDir), &error);
        if (!admin) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return StoreUnavailable;
        }
        if (!admin->heldBy().isEmpty() && !ctx.quiet)
            err(QStringLiteral("%1: note: %2; tokens are shared with it and take effect there at once")
                    .arg(invokedAs(), sharedNote(admin->heldBy())));
        return runOn(ctx, parser, *admin);
    }
    // "data directory /x is in use by kmsctl (pid 42) on h; stop it or use another --data-dir":
    // the advice to stop it does not apply here.
    static QString sharedNote(QString heldBy)
    {
        const qsizetype advice = heldBy.indexOf(QLatin1String("; stop it"));
        return advice > 0 ? heldBy.left(advice) : heldBy;
    }
};

class CreateCommand : public TokenSubcommand {
public:
    CreateCommand() : TokenSubcommand("create", "NAME --scope read|write", "a new token, shown once") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Creates a bearer token for the REST API and prints it. Only its hash is stored: copy it now,\n"
            "it cannot be shown again. read: search, read records and jobs, health, metrics.\n"
            "write: also create, change and delete records, ingest, cancel jobs."));
        parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Who holds it (e.g. helpdesk-sync)."), QStringLiteral("NAME"));
        parser.addOption({QStringLiteral("scope"), QStringLiteral("read or write (default: read)."), QStringLiteral("scope"),
                          QStringLiteral("read")});
    }
    int check(const QCommandLineParser &parser) override
    {
        m_name = parser.positionalArguments().value(0);
        if (m_name.isEmpty() || parser.positionalArguments().size() > 1) {
            err(QStringLiteral("%1: give one token name").arg(invokedAs()));
            return Usage;
        }
        const auto scope = apiTokenScopeFromName(parser.value(QStringLiteral("scope")));
        if (!scope) {
            err(QStringLiteral("%1: --scope '%2' is neither read nor write").arg(invokedAs(), parser.value(QStringLiteral("scope"))));
            return Usage;
        }
        m_scope = *scope;
        return Ok;
    }
    int runOn(const Context &ctx, const QCommandLineParser &, ApiTokenAdmin &tokens) override
    {
        QString error;
        const auto created = tokens.create(m_name, m_scope, &error);
        if (!created) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Failed;
        }
        if (ctx.json) {
            QJsonObject o = tokenJson(created->token);
            o.insert(QStringLiteral("token"), created->secret);
            printJson(o);
        } else if (ctx.quiet) {
            out(created->secret); // for scripts: the token alone
        } else {
            out(QStringLiteral("token '%1' (%2):\n%3\nCopy it now: it is stored hashed and cannot be shown again.")
                    .arg(created->token.name, apiTokenScopeName(created->token.scope), created->secret));
        }
        return Ok;
    }

private:
    QString m_name;
    ApiTokenScope m_scope = ApiTokenScope::Read;
};

class ListCommand : public TokenSubcommand {
public:
    ListCommand() : TokenSubcommand("list", "", "tokens (never the tokens themselves)") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Tokens in force, then revoked ones: name, scope, created, last used."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &, ApiTokenAdmin &tokens) override
    {
                if (ctx.json) {
            QJsonArray a;
            for (const ApiToken &t : tokens.tokens())
                a.append(tokenJson(t));
            printJson(a);
            return Ok;
        }
        QList<QStringList> rows;
        for (const ApiToken &t : tokens.tokens())
            rows.append({t.name, apiTokenScopeName(t.scope), when(t.createdAt), when(t.lastUsedAt),
                         t.revoked() ? QStringLiteral("revoked ") + when(t.revokedAt) : QStringLiteral("in force")});
        printTable({QStringLiteral("NAME"), QStringLiteral("SCOPE"), QStringLiteral("CREATED"), QStringLiteral("LAST USED"),
                    QStringLiteral("STATE")},
                   rows);
        return Ok;
    }
};

class RevokeCommand : public TokenSubcommand {
public:
    RevokeCommand() : TokenSubcommand("revoke", "NAME", "revoke a token at once") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Revokes a token: requests with it are refused from now on."));
        parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The token's name."), QStringLiteral("NAME"));
    }
    int check(const QCommandLineParser &parser) override
    {
        m_name = parser.positionalArguments().value(0);
        if (m_name.isEmpty()) {
            err(QStringLiteral("%1: give the token's name").arg(invokedAs()));
            return Usage;
        }
        return Ok;
    }
    int runOn(const Context &ctx, const QCommandLineParser &, ApiTokenAdmin &tokens) override
    {
        QString error;
        if (!tokens.revoke(m_name, &error)) {
            err(QStringLiteral("%1: %2").arg(invokedAs(), error));
            return Failed;
        }
        if (ctx.json)
            printJson(QJsonObject{{QStringLiteral("revoked"), m_name}});
        else if (!ctx.quiet)
            out(QStringLiteral("token '%1' revoked").arg(m_name));
        return Ok;
    }

private:
    QString m_name;
};

// `token` holds subcommands of its own: the first argument picks one, which then parses the rest.
class TokenCommand : public GroupCommand {
public:
    TokenCommand()
        : GroupCommand("token", "create NAME --scope read|write | list | revoke NAME",
                       "REST API bearer tokens (stored hashed)",
                       "kmsctl token create NAME [--scope read|write] | list | revoke NAME")
    {
        m_subcommands.push_back(std::make_unique<CreateCommand>());
        m_subcommands.push_back(std::make_unique<ListCommand>());
        m_subcommands.push_back(std::make_unique<RevokeCommand>());
    }
};

} // namespace

std::unique_ptr<Command> makeTokenCommand()
{
    return std::make_unique<TokenCommand>();
}

} // namespace kms::cli
