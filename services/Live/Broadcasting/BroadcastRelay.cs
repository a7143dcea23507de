using System.Net.WebSockets;
using System.Threading.Channels;
using MySqlConnector;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Broadcasting;

/// <summary>The person and session one browser broadcast runs for; <paramref name="SignIn"/> is its token's <c>sid</c>.</summary>
public sealed record RelayFor(Guid SessionId, Guid UserId, Guid? SignIn);

/// <summary>
/// One browser broadcast, from the accepted WebSocket to its close: binary messages (MediaRecorder's WebM chunks, in
/// order) are queued and written to ffmpeg's standard input. The queue is bounded: when ffmpeg does not keep up the relay
/// stops reading the socket, so the browser's own send buffer grows (it drops chunks and shows it), and if the queue stays
/// full for <see cref="BrowserBroadcastOptions.StallTimeout"/> the broadcast is refused. It ends, and ffmpeg with it,
/// when the browser closes or goes away, when ffmpeg stops (the ingest refused or dropped the stream), when the person
/// may no longer broadcast or the session ended, or when the service stops; the browser gets the reason as the close
/// frame (<see cref="RelayEnd"/>).
/// </summary>
public sealed partial class BroadcastRelay(
    WebSocket socket, RelayProcess ffmpeg, RelayFor relay, BroadcastGuard guard, BrowserBroadcastOptions options, ILogger logger)
{
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(2);

    public async Task<RelayEnd> RunAsync(CancellationToken stopping)
    {
        var queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.QueuedMessages)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        using var done = new CancellationTokenSource();
        var receiving = ReceiveAsync(queue.Writer, done.Token);
        var writing = WriteAsync(queue.Reader, done.Token);
        var watching = WatchAsync(done.Token);
        var exited = ExitedAsync(done.Token);
        var shuttingDown = ShutdownAsync(stopping, done.Token);

        var first = await Task.WhenAny(receiving, watching, exited, shuttingDown);
        var end = await first;
        if (end == RelayEnd.Stopped || end == RelayEnd.Lost)
        {
            // The browser finished (or vanished): ffmpeg gets what was queued, then end of input, and sends what it holds.
            queue.Writer.TryComplete();
            await Task.WhenAny(writing, Task.Delay(options.ExitGrace, CancellationToken.None));
            await ffmpeg.StopAsync(options.ExitGrace);
        }
        else
        {
            if (first == exited)
            {
                // The ingest dropped the stream: because the session ended, or it refused or lost the publish.
                end = await guard.CheckAsync(relay.SessionId, relay.UserId, relay.SignIn, CancellationToken.None) ?? RelayEnd.IngestStopped;
                LogIngestStopped(logger, relay.SessionId, ffmpeg.LastErrors());
            }
            ffmpeg.Kill();
            await ffmpeg.StopAsync(TimeSpan.Zero);
        }

        await CloseAsync(end, receiving);
        await done.CancelAsync();
        queue.Writer.TryComplete();
        await Task.WhenAll(Quietly(receiving), Quietly(writing), Quietly(watching), Quietly(exited), Quietly(shuttingDown));
        LogEnded(logger, relay.SessionId, (int)end.Status, end.Reason);
        return end;
    }

    private async Task<RelayEnd> ReceiveAsync(ChannelWriter<byte[]> queue, CancellationToken cancellationToken)
    {
        var buffer = new byte[options.MaxMessageBytes];
        try
        {
            while (true)
            {
                var filled = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (filled == buffer.Length)
                    {
                        return RelayEnd.TooLarge(options.MaxMessageBytes);
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return RelayEnd.Stopped;
                    }
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        return RelayEnd.NotBinary;
                    }
                    filled += result.Count;
                }
                while (!result.EndOfMessage);

                if (filled > 0 && !await EnqueueAsync(queue, buffer[..filled], cancellationToken))
                {
                    return RelayEnd.FellBehind;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            return RelayEnd.Lost;
        }
    }

    // Waiting here is what stops the socket being read, so the bytes held stay bounded by the queue's size.
    private async Task<bool> EnqueueAsync(ChannelWriter<byte[]> queue, byte[] message, CancellationToken cancellationToken)
    {
        if (queue.TryWrite(message))
        {
            return true;
        }
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(options.StallTimeout);
        try
        {
            await queue.WriteAsync(message, stall.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WriteAsync(ChannelReader<byte[]> queue, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chunk in queue.ReadAllAsync(cancellationToken))
            {
                await ffmpeg.Input.WriteAsync(chunk, cancellationToken);
                await ffmpeg.Input.FlushAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // ffmpeg exited (its pipe is closed) or the relay closed its input: ExitedAsync or RunAsync says why.
        }
    }

    private async Task<RelayEnd> WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.AccessCheckInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                if (await guard.CheckAsync(relay.SessionId, relay.UserId, relay.SignIn, cancellationToken) is { } end)
                {
                    return end;
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or MySqlException)
            {
                // A database hiccup does not end a lecture; the next tick checks again.
                LogCheckFailed(logger, ex, relay.SessionId);
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    private async Task<RelayEnd> ExitedAsync(CancellationToken cancellationToken)
    {
        await ffmpeg.WaitForExitAsync(cancellationToken);
        return RelayEnd.IngestStopped;
    }

    private static async Task<RelayEnd> ShutdownAsync(CancellationToken stopping, CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = stopping.Register(() => stopped.TrySetResult());
        await stopped.Task.WaitAsync(cancellationToken);
        return RelayEnd.ShuttingDown;
    }

    /// <summary>Sends the reason (or answers the browser's own close) and waits briefly for the handshake to finish.</summary>
    private async Task CloseAsync(RelayEnd end, Task<RelayEnd> receiving)
    {
        if (end == RelayEnd.Lost || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var handshake = new CancellationTokenSource(CloseHandshake);
        try
        {
            await socket.CloseOutputAsync(end.Status, end.Reason, handshake.Token);
            // The browser answers our close frame; the receive loop sees it. A browser that never answers is cut off.
            await receiving.WaitAsync(handshake.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            socket.Abort();
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The browser broadcast of session {SessionId} ended ({Status}: {Reason})")]
    private static partial void LogEnded(ILogger logger, Guid sessionId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay of session {SessionId} stopped publishing; ffmpeg said: {Errors}")]
    private static partial void LogIngestStopped(ILogger logger, Guid sessionId, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the browser broadcast of session {SessionId} failed; checking again shortly")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, Guid sessionId);
}
