using System.Diagnostics;
using System.Net.Http.Json;

namespace Lms.Upload;

/// <summary>
/// Finished parts waiting to be reported to the content service, sent in batches (every 16 parts or 5 seconds):
/// one request per part made the service's work per upload grow with its size; a batch keeps a 1 GiB upload to a
/// dozen requests, and at worst one batch of parts is uploaded again on resume.
/// </summary>
internal sealed class PartReports(HttpClient api, Guid uploadId) : IDisposable
{
    private const int BatchSize = 16;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly List<object> _pending = [];
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

    // Parts finish on several tasks at once; one of them at a time adds or sends.
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task AddAsync(int partNumber, string etag, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            _pending.Add(new { partNumber, etag });
            if (_pending.Count >= BatchSize || _sinceFlush.Elapsed >= MaxDelay)
            {
                await SendAsync(cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await SendAsync(cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            using var response = await api.PostAsJsonAsync($"/content/v1/uploads/{uploadId}/parts", new { parts = _pending }, cancellationToken);
            response.EnsureSuccessStatusCode();
            _pending.Clear();
        }

        _sinceFlush.Restart();
    }

    public async Task TryFlushAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            // The network that interrupted the upload may be gone too; the parts are uploaded again on resume.
        }
    }
}
