using Lms.Live.Sessions;
using Lms.Live.Streaming;

namespace Lms.Services.Tests.Live;

public sealed class Session_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static LiveSession NewSession()
    {
        var session = LiveSession.Schedule(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "  1강 오리엔테이션 ", Now.AddHours(1), Now.AddHours(2), Now);
        session.AttachChannel(new StreamChannel("stream", "rtmp://x/live", new StreamKeyGrant("key-1", "key-1"), "http://x/hls"));
        return session;
    }

    [Fact]
    public void Goes_live_then_ends_recording_when()
    {
        var session = NewSession();

        Assert.Null(session.Start(Now.AddMinutes(60)));
        Assert.Null(session.End(Now.AddMinutes(110)));

        Assert.Equal(SessionStates.Ended, session.State);
        Assert.Equal(Now.AddMinutes(60), session.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(50), session.LiveDuration(Now.AddDays(1)));
        Assert.Equal(2, session.Version);
        Assert.Equal("1강 오리엔테이션", session.Title);
    }

    [Fact]
    public void A_scheduled_session_is_cancelled_and_then_can_neither_start_nor_be_edited()
    {
        var session = NewSession();

        Assert.Null(session.Cancel(Now));

        Assert.Equal("session-state", session.Start(Now)?.Type);
        Assert.Equal("session-state", session.Edit("새 제목", null, null, Now)?.Type);
        Assert.Equal(SessionStates.Cancelled, session.State);
    }

    [Fact]
    public void A_live_session_cannot_be_cancelled_edited_or_started_again()
    {
        var session = NewSession();
        session.Start(Now);

        Assert.NotNull(session.Cancel(Now));
        Assert.NotNull(session.Edit("x", null, null, Now));
        Assert.NotNull(session.Start(Now));
        Assert.Equal(SessionStates.Live, session.State);
    }

    [Fact]
    public void Only_a_live_session_ends()
    {
        var session = NewSession();

        Assert.Equal("session-state", session.End(Now)?.Type);
        Assert.Equal(SessionStates.Scheduled, session.State);
    }

    [Fact]
    public void An_edit_keeps_what_it_leaves_out_and_refuses_an_end_before_the_start()
    {
        var session = NewSession();

        Assert.Equal("session-times", session.Edit(null, Now.AddHours(3), null, Now)?.Type);
        Assert.Null(session.Edit("2강", null, Now.AddHours(3), Now));

        Assert.Equal("2강", session.Title);
        Assert.Equal(Now.AddHours(1), session.ScheduledStart);
        Assert.Equal(Now.AddHours(3), session.ScheduledEnd);
    }

    [Fact]
    public void Refuses_sessions_longer_than_a_lecture_day()
    {
        Assert.NotNull(LiveSession.CheckTimes(Now, Now.AddHours(13)));
        Assert.Null(LiveSession.CheckTimes(Now, Now.AddHours(12)));
    }

    [Fact]
    public void A_new_key_replaces_the_old_one_until_the_session_is_over()
    {
        var session = NewSession();

        Assert.Null(session.ReplaceKey(new StreamKeyGrant("key-2", "ref-2"), Now));
        session.Start(Now);
        Assert.Null(session.ReplaceKey(new StreamKeyGrant("key-3", "ref-3"), Now));
        session.End(Now);

        Assert.Equal("session-state", session.ReplaceKey(new StreamKeyGrant("key-4", "ref-4"), Now)?.Type);
        Assert.Equal("key-3", session.StreamKey);
    }

    [Fact]
    public void The_playback_token_is_what_nginx_secure_link_md5_computes_and_names_its_viewer()
    {
        // echo -n "1700000000:abc:0123456789abcdef0123456789abcdef:secret" | openssl md5 -binary | base64 | tr '+/' '-_' | tr -d '='
        var viewer = Guid.ParseExact("0123456789abcdef0123456789abcdef", "N");
        Assert.Equal("qe0CThLlpaXDhLoOwcF8kQ", SecureLink.Token("abc", viewer, 1700000000, "secret"));
        Assert.Equal("http://h/hls/qe0CThLlpaXDhLoOwcF8kQ/1700000000/0123456789abcdef0123456789abcdef/abc.m3u8",
            SecureLink.Url("http://h/hls/", "abc", viewer, DateTimeOffset.FromUnixTimeSeconds(1700000000), "secret"));
        Assert.NotEqual(SecureLink.Token("abc", viewer, 1700000000, "secret"), SecureLink.Token("abc", Guid.CreateVersion7(), 1700000000, "secret"));
    }

    [Theory]
    [InlineData("LIVE", null, true)]
    [InlineData("SCHEDULED", null, false)]
    [InlineData("CANCELLED", null, false)]
    [InlineData("ENDED", 10, true)]
    [InlineData("ENDED", 31, false)]
    public void Only_a_live_session_plays_and_an_ended_one_only_for_its_final_playlist(string state, int? endedSecondsAgo, bool plays)
    {
        DateTimeOffset? ended = endedSecondsAgo is { } ago ? Now.AddSeconds(-ago) : null;

        Assert.Equal(plays, PlaybackCheck.Watchable(state, ended, Now, TimeSpan.FromSeconds(30)));
    }
}
