// SPDX-License-Identifier: MIT
// kmsctl token create | list | revoke: bearer tokens of the REST API (`kmsctl serve`).
#include "Command.h"

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

class CreateCommand : public EngineCommand {
public:
    CreateCommand() : EngineCommand("create", "NAME --scope read|write", "a new token, shown once") {}

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
    int runOn(const Context &ctx, const QCommandLineParser &, Engine &engine) override
    {
        QString error;
        const auto created = engine.createApiToken(m_name, m_scope, &error);
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

class ListCommand : public EngineCommand {
public:
    ListCommand() : EngineCommand("list", "", "tokens (never the tokens themselves)") {}

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral("Tokens in force, then revoked ones: name, scope, created, last used."));
    }
    int runOn(const Context &ctx, const QCommandLineParser &, Engine &engine) override
    {
        const QList<ApiToken> tokens = engine.apiTokens();
        if (ctx.json) {
            QJsonArray a;
            for (const ApiToken &t : tokens)
                a.append(tokenJson(t));
            printJson(a);
            return Ok;
        }
        QList<QStringList> rows;
        for (const ApiToken &t : tokens)
            rows.append({t.name, apiTokenScopeName(t.scope), when(t.createdAt), when(t.lastUsedAt),
                         t.revoked() ? QStringLiteral("revoked ") + when(t.revokedAt) : QStringLiteral("in force")});
        printTable({QStringLiteral("NAME"), QStringLiteral("SCOPE"), QStringLiteral("CREATED"), QStringLiteral("LAST USED"),
                    QStringLiteral("STATE")},
                   rows);
        return Ok;
    }
};

class RevokeCommand : public EngineCommand {
public:
    RevokeCommand() : EngineCommand("revoke", "NAME", "revoke a token at once") {}

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
    int runOn(const Context &ctx, const QCommandLineParser &, Engine &engine) override
    {
        QString error;
        if (!engine.revokeApiToken(m_name, &error)) {
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
