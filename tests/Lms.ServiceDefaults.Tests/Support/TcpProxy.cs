using System.Net;
using System.Net.Sockets;

namespace Lms.ServiceDefaults.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of the real broker. <see cref="Kill"/> is the broker dying for the client behind it
/// (every connection dropped, new ones refused) without stopping the shared RabbitMQ other suites use;
/// <see cref="Start"/> is it coming back on the same port.
/// </summary>
public sealed class TcpProxy(string targetHost, int targetPort) : IDisposable
{
    private readonly object _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _stop = new CancellationTokenSource();
            _ = AcceptAsync(_listener, _stop.Token);
        }
    }

    public void Kill()
    {
        lock (_gate)
        {
            _stop?.Cancel();
            _listener?.Stop();
            foreach (var connection in _connections)
            {
                // A reset, as when the broker's process dies, rather than an orderly close (unless a pump closed it already).
                if (connection.Client is { Connected: true } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                connection.Dispose();
            }
            _connections.Clear();
        }
    }

    public void Dispose() => Kill();

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(targetHost, targetPort, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(upstream);
            }
            _ = PumpAsync(client, upstream, cancellationToken);
            _ = PumpAsync(upstream, client, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side went away, or the proxy was killed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
