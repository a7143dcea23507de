using System.Runtime.Serialization;
using System.Text.Json;
using Lms.ServiceDefaults.Messaging.Outbox;
using MassTransit;

namespace Lms.ServiceDefaults.Tests.Outbox;

/// <summary>Which failed publishes count against the row (and can dead-letter it) and which only make the relay wait.</summary>
public sealed class Classifying_relay_failures
{
    private static readonly Uri Broker = new("rabbitmq://127.0.0.1/lms");

    [Fact]
    public void A_type_this_service_no_longer_knows_is_the_rows_fault()
    {
        var failure = Assert.Throws<OutboxMessageUnreadableException>(() => MessageTypes.Resolve("Lms.Contracts.Renamed.Gone, Lms.Contracts"));

        Assert.Contains("Lms.Contracts.Renamed.Gone", failure.Message, StringComparison.Ordinal);
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(failure));
    }

    [Fact]
    public void A_message_that_cannot_be_serialized_is_the_rows_fault()
    {
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new SerializationException("cannot serialize")));
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new JsonException("cycle detected")));
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new NotSupportedException("System.Type is not supported")));
    }

    [Fact]
    public void A_broker_that_refuses_or_returns_the_message_is_the_rows_fault()
    {
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new MessageNotAcknowledgedException(Broker, "nack")));
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new MessageReturnedException("NO_ROUTE: the message could not be routed", new InvalidOperationException("312 NO_ROUTE"))));
        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(new RabbitMQ.Client.Exceptions.PublishException(42, isReturn: false)));
    }

    [Fact]
    public void Finds_the_rows_fault_however_deeply_it_is_wrapped()
    {
        var wrapped = new AggregateException(new InvalidOperationException("publish failed", new MessageNotAcknowledgedException(Broker, "nack")));

        Assert.Equal(OutboxFailureKind.Permanent, OutboxFailures.Classify(wrapped));
    }

    [Fact]
    public void A_broker_that_is_away_or_slow_is_transient()
    {
        // MassTransit waits for a connection while the broker is down; the relay's publish timeout then cancels it.
        Assert.Equal(OutboxFailureKind.Transient, OutboxFailures.Classify(new OperationCanceledException("timed out waiting for the broker")));
        Assert.Equal(OutboxFailureKind.Transient, OutboxFailures.Classify(new RabbitMqConnectionException("connection refused")));
        Assert.Equal(OutboxFailureKind.Transient, OutboxFailures.Classify(new TimeoutException("no confirm")));
        Assert.Equal(OutboxFailureKind.Transient, OutboxFailures.Classify(new IOException("connection reset by peer")));
    }

    [Fact]
    public void An_unknown_failure_is_transient_so_the_relay_waits_rather_than_reorders()
    {
        Assert.Equal(OutboxFailureKind.Transient, OutboxFailures.Classify(new InvalidOperationException("something unexpected")));
    }
}
