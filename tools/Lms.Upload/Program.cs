using Lms.Upload;

// lms-upload --gateway http://127.0.0.1:8080 --token <access token> --course <course id> --type video/mp4 [--parallel 4] <file>
var options = args.Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p[0][2..], p => p[1], StringComparer.Ordinal);
var file = args.LastOrDefault();
if (file is null || !File.Exists(file) || !options.TryGetValue("token", out var token) || !options.TryGetValue("course", out var course))
{
    Console.Error.WriteLine("usage: lms-upload [--gateway URL] --token ACCESS_TOKEN --course COURSE_ID [--type MIME] [--parallel N] FILE");
    Console.Error.WriteLine("  Uploads FILE for the course through the presigned flow, N parts at a time (default 4);");
    Console.Error.WriteLine("  run it again after an interruption to resume.");
    return 2;
}

if (!int.TryParse(options.GetValueOrDefault("parallel", "4"), out var parallel) || parallel is < 1 or > 16)
{
    Console.Error.WriteLine("--parallel takes a number of parts from 1 to 16.");
    return 2;
}

var gateway = new Uri(options.GetValueOrDefault("gateway", "http://127.0.0.1:8080"));
var type = options.GetValueOrDefault("type", "video/mp4");
using var api = Uploader.Api(gateway, token);
using var storage = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
var uploader = new Uploader(api, storage, (done, total) =>
{
    const int width = 40;
    var filled = (int)(width * done / Math.Max(total, 1));
    Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done * 100 / Math.Max(total, 1),3}%  {done / 1048576d,8:0.0} / {total / 1048576d:0.0} MiB");
}, parallel);

try
{
    var result = await uploader.UploadAsync(file, Guid.Parse(course), type);
    Console.Error.WriteLine();
    Console.WriteLine($"file {result.FileId}: {result.Size} bytes{(result.DurationSeconds is { } s ? $", {s} s long" : "")}" +
                      $"{(result.Resumed ? $" (resumed: {result.BytesSent} bytes sent this time)" : "")}, {result.MegabytesPerSecond:0.0} MiB/s over {result.Elapsed.TotalSeconds:0.0} s");
    return 0;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"upload failed: {ex.Message}");
    Console.Error.WriteLine("Run the same command again to resume.");
    return 1;
}
