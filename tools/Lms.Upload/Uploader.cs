using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Lms.Upload;

/// <summary>A completed upload; <c>BytesSent</c> is what this run sent, less than <c>Size</c> when it resumed an earlier one.</summary>
public sealed record UploadResult(Guid FileId, long Size, int? DurationSeconds, TimeSpan Elapsed, bool Resumed, long BytesSent)
{
    public double MegabytesPerSecond => BytesSent / 1024d / 1024d / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Uploads one file the way the web app does: asks the content service (through the gateway) for presigned URLs,
/// PUTs the parts straight to object storage (<c>parallelParts</c> at a time), reports them in batches, and completes. The upload id and finished parts are
/// kept in a state file beside the file, so an interrupted run resumes where it stopped; an upload that can no longer
/// go on (expired, aborted) is started afresh.
/// </summary>
public sealed class Uploader(HttpClient api, HttpClient storage, Action<long, long>? progress = null, int parallelParts = 4)
{
    public async Task<UploadResult> UploadAsync(string path, Guid courseId, string contentType, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var size = new FileInfo(path).Length;
        var statePath = path + ".lms-upload.json";
        var earlier = File.Exists(statePath) && Guid.TryParse(await File.ReadAllTextAsync(statePath, cancellationToken), out var id)
            ? await ResumeAsync(id, cancellationToken)
            : null;
        var resumed = earlier is not null;
        var (uploadId, partSize, missing) = earlier ?? await StartAsync(path, size, courseId, contentType, cancellationToken);
        await File.WriteAllTextAsync(statePath, uploadId.ToString(), cancellationToken);

        var done = size - missing.Sum(p => PartLength(p.PartNumber, partSize, size));
        var doneBefore = done;
        progress?.Invoke(done, size);
        using var reports = new PartReports(api, uploadId);
        var counted = new Lock();
        using (var file = File.OpenHandle(path))
        {
            try
            {
                // Several parts in flight at once, as browsers do: one TCP stream rarely fills the link to storage.
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelParts, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(missing, parallel, async (part, token) =>
                {
                    var length = (int)PartLength(part.PartNumber, partSize, size);
                    var etag = await PutPartAsync(file, part.Url, (part.PartNumber - 1) * partSize, length, token);
                    await reports.AddAsync(part.PartNumber, etag, token);
                    lock (counted)
                    {
                        done += length;
                        progress?.Invoke(done, size);
                    }
                });
            }
            catch
            {
                // Whatever stopped the run, the parts already stored are worth recording for the resume.
                await reports.TryFlushAsync();
                throw;
            }

            await reports.FlushAsync(cancellationToken);
        }

        var status = await GetJsonAsync($"/content/v1/uploads/{uploadId}", cancellationToken);
        var reported = status.GetProperty("reportedParts").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partNumber").GetInt32(), p => p.GetProperty("etag").GetString()!);
        var completed = await api.PostAsJsonAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = reported.Select(p => new { partNumber = p.Key, etag = p.Value }) }, cancellationToken);
        await EnsureAsync(completed, cancellationToken);
        var result = await completed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        File.Delete(statePath);
        return new UploadResult(result.GetProperty("fileId").GetGuid(), result.GetProperty("size").GetInt64(),
            result.TryGetProperty("durationSeconds", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : null, watch.Elapsed, resumed,
            size - doneBefore);
    }

    private async Task<string> PutPartAsync(SafeFileHandle file, string url, long offset, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        for (var read = 0; read < length;)
        {
            var got = await RandomAccess.ReadAsync(file, buffer.AsMemory(read), offset + read, cancellationToken);
            read += got > 0 ? got : throw new EndOfStreamException("The file shrank while it was being uploaded.");
        }

        using var put = await storage.PutAsync(url, new ByteArrayContent(buffer), cancellationToken);
        put.EnsureSuccessStatusCode();
        return put.Headers.ETag?.Tag ?? throw new InvalidOperationException("The storage did not return an ETag.");
    }

    private async Task<(Guid UploadId, long PartSize, List<(int PartNumber, string Url)> Missing)> StartAsync(
        string path, long size, Guid courseId, string contentType, CancellationToken cancellationToken)
    {
        var response = await api.PostAsJsonAsync("/content/v1/uploads",
            new { fileName = Path.GetFileName(path), size, contentType, courseId, purpose = "course-content" }, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (started.GetProperty("uploadId").GetGuid(), started.GetProperty("partSize").GetInt64(), Urls(started.GetProperty("parts")));
    }

    /// <summary>The earlier run's upload where it stopped, or null when it cannot go on (expired, aborted, completed, unknown).</summary>
    private async Task<(Guid UploadId, long PartSize, List<(int PartNumber, string Url)> Missing)?> ResumeAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync($"/content/v1/uploads/{uploadId}", cancellationToken);
        if (response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Gone)
        {
            return null;
        }

        await EnsureAsync(response, cancellationToken);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return status.GetProperty("state").GetString() == "OPEN"
            ? (uploadId, status.GetProperty("partSize").GetInt64(), Urls(status.GetProperty("missingParts")))
            : null;
    }

    private async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var response = await api.GetAsync(path, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static List<(int PartNumber, string Url)> Urls(JsonElement parts) =>
        [.. parts.EnumerateArray().Select(p => (p.GetProperty("partNumber").GetInt32(), p.GetProperty("url").GetString()!))];

    private static long PartLength(int partNumber, long partSize, long size) => Math.Min(partSize, size - (partNumber - 1) * partSize);

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public static HttpClient Api(Uri gateway, string accessToken)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
