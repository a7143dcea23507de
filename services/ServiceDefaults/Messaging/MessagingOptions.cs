namespace Lms.ServiceDefaults.Messaging;

public enum BusTransport
{
    RabbitMq,

    /// <summary>Inside one process only: for unit tests, never for a running service.</summary>
    InMemory,
}

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Amazon MQ accepts AMQPS only (port 5671).</summary>
    public bool UseSsl { get; set; }
}
