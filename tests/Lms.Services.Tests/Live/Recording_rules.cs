using Lms.Live.Recordings;
using Microsoft.Extensions.Options;

namespace Lms.Services.Tests.Live;

public sealed class Recording_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Becomes_ready_only_after_it_was_stored()
    {
        var recording = SessionRecording.Arrived(Guid.NewGuid(), "/rec/a.flv", Now);

        Assert.False(recording.MarkReady(Now));
        Assert.True(recording.Stored("live-recordings/a/b.mp4", 1234, Now.AddSeconds(5)));
        Assert.False(recording.AwaitsProcessing);
        Assert.True(recording.MarkReady(Now.AddSeconds(9)));

        Assert.Equal(RecordingStates.Ready, recording.State);
        Assert.Equal(1234, recording.Bytes);
        Assert.False(recording.Fail("late refusal", Now.AddSeconds(10)));
        Assert.Equal(RecordingStates.Ready, recording.State);
    }

    [Fact]
    public void A_failure_is_final_and_keeps_a_bounded_reason()
    {
        var recording = SessionRecording.Arrived(Guid.NewGuid(), "/rec/a.flv", Now);

        Assert.True(recording.Fail(new string('x', 2000), Now));

        Assert.Equal(RecordingStates.Failed, recording.State);
        Assert.Equal(SessionRecording.FailureMaxLength, recording.Failure!.Length);
        Assert.False(recording.Stored("k", 1, Now));
        Assert.False(recording.MarkReady(Now));
    }

    [Theory]
    [InlineData("/var/lib/lms/recordings/abc-1733580000.flv", true)]
    [InlineData("/var/lib/lms/recordings/sub/abc-1.flv", false)]
    [InlineData("/var/lib/lms/recordings/abcd-1.flv", false)]
    [InlineData("/var/lib/lms/recordings/xyz-1.flv", false)]
    [InlineData("/var/lib/lms/recordings/abc-.flv", false)]
    [InlineData("/var/lib/lms/recordings/abc-1x.flv", false)]
    [InlineData("/var/lib/lms/recordings/../secrets/abc-1.flv", false)]
    [InlineData("/var/lib/lms/recordings-other/abc-1.flv", false)]
    [InlineData("/var/lib/lms/recordings/abc-1.mp4", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("", false)]
    public void Only_the_streams_own_flv_file_in_the_recordings_directory_is_taken(string reported, bool taken)
    {
        var options = Options.Create(new RecordingOptions { Directory = "/var/lib/lms/recordings/" });

        Assert.Equal(taken, RecordingExtensions.RecordedFile(options, reported, "abc") is not null);
        Assert.Null(RecordingExtensions.RecordedFile(Options.Create(new RecordingOptions()), "/var/lib/lms/recordings/abc-1.flv", "abc"));
    }
}
