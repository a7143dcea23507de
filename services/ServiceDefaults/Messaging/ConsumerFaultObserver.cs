using MassTransit;

namespace Lms.ServiceDefaults.Messaging;

/// <summary>
/// Tells <see cref="ConsumerFaults"/> of each delivery a consumer gave up on. MassTransit holds a consumer's fault back
/// while the retry policy still has attempts (<c>UseConsumerRetries</c>) and reports it once, when the message goes to
/// <c>_error</c>; an attempt that a retry repairs is never reported here.
/// </summary>
internal sealed class ConsumerFaultObserver(ConsumerFaults faults) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        faults.Record(consumerType);
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
