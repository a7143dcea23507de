using System.Collections.Concurrent;
using MassTransit;

namespace Lms.Testing;

/// <summary>Counts finished deliveries of each message id on one service's bus, handled or not.</summary>
public sealed class ConsumedCounter<TMessage> : IConsumeMessageObserver<TMessage> where TMessage : class
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();

    public int CountOf(Guid messageId) => _counts.GetValueOrDefault(messageId);

    public Task PreConsume(ConsumeContext<TMessage> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<TMessage> context) => Count(context);

    public Task ConsumeFault(ConsumeContext<TMessage> context, Exception exception) => Count(context);

    private Task Count(ConsumeContext<TMessage> context)
    {
        if (context.MessageId is { } id)
        {
            _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }
}
