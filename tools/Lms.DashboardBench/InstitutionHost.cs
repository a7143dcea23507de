using System.Net;
using System.Net.Sockets;
using Lms.Institution.Data;
using Lms.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lms.DashboardBench;

/// <summary>
/// The institution service as it runs (its own Program, endpoints, authentication, EF and JSON), in this process on a
/// loopback Kestrel port so the bench's requests go through real HTTP. Development settings apply its migrations at
/// start; the bus is in-memory (no broker is needed to read dashboards) and the test token key is trusted.
/// </summary>
internal sealed class InstitutionHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<InstitutionDbContext>
{
    public static InstitutionHost Start(string connectionString, out int port)
    {
        var settings = new Dictionary<string, string>(TestTokens.Settings)
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["Messaging:Transport"] = "InMemory",
            ["Telemetry:ConsoleExporter"] = "false",
            // A log line per request would be timed along with the request.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        port = FreePort();
        var host = new InstitutionHost(settings);
        host.UseKestrel(port);
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The factory looks for the service's folder beside a solution file; the service's settings are in the bench's output.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(TestTokens.Trust);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Counts the bytes and lines of what it is given and keeps none of it.</summary>
internal sealed class CountingStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public long Written { get; private set; }

    public long Lines { get; private set; }

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Count(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        Written += bytes.Length;
        // The bench's names and comments have no line breaks, so each LF ends one record.
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Lines++;
            }
        }
    }
}
