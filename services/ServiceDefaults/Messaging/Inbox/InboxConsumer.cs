using System.Data;
using Lms.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// The base of every consumer: the handler's changes, any events it publishes through the outbox, and the
/// inbox record of the message commit in one transaction, so a message delivered twice has one effect.
/// Two concurrent deliveries collide on the inbox key; the loser's transaction rolls back and its retry
/// finds the message already handled.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider clock, ILogger logger)
    : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext, IOutboxDbContext
{
    protected TContext Db => db;

    private DbContext Context => db;

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>
    /// The transaction's isolation; null keeps the database's default (REPEATABLE READ on MariaDB). A projection that
    /// reads its row <c>FOR UPDATE</c> before creating it chooses READ COMMITTED: at REPEATABLE READ a locking read of a
    /// row that does not exist yet locks the gap around it, and the first events of many new rows with sequential ids
    /// (UUIDv7) all lock the same gap at the end of the index, then deadlock inserting into it.
    /// </summary>
    protected virtual IsolationLevel? Isolation => null;

    /// <summary>The name the inbox records; unique among this service's consumers.</summary>
    protected virtual string ConsumerName => GetType().Name.Split('`')[0];

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new UnprocessableMessageException($"A {typeof(TMessage).Name} arrived without a message id.");
        var cancellationToken = context.CancellationToken;

        if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, cancellationToken))
        {
            LogDuplicate(logger, messageId, ConsumerName);
            return;
        }

        await using var transaction = Isolation is { } isolation
            ? await Context.Database.BeginTransactionAsync(isolation, cancellationToken)
            : await Context.Database.BeginTransactionAsync(cancellationToken);
        await HandleAsync(context.Message, cancellationToken);
        db.InboxMessages.Add(new InboxMessage(messageId, ConsumerName, clock.GetUtcNow()));
        await Context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Committed();
    }

    /// <summary>Applies the message to this service's state (and may call <c>Db.PublishOnSave</c>).</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// After the handler's changes committed: where a consumer counts what it did, so an attempt that rolled back and was
    /// retried is counted once.
    /// </summary>
    protected virtual void Committed()
    {
    }

    [LoggerMessage(LogLevel.Information, "Message {MessageId} already handled by {Consumer}; ignored")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
