using Lms.Identity.SignInGuard;
using Microsoft.Extensions.Options;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Password_hashing_gates
{
    private static PasswordHashingGate Gate(int slots, int queued = 8) =>
        new(Options.Create(new SignInGuardOptions { ConcurrentHashes = slots, QueuedHashes = queued }));

    [Fact]
    public async Task A_trusted_address_goes_before_suspects_that_came_earlier()
    {
        var gate = Gate(slots: 2);
        var trustedHolder = await gate.EnterAsync(AddressStanding.Trusted, CancellationToken.None);
        var suspectHolder = await gate.EnterAsync(AddressStanding.Suspect, CancellationToken.None);

        var suspect = gate.EnterAsync(AddressStanding.Suspect, CancellationToken.None).AsTask();
        var trusted = gate.EnterAsync(AddressStanding.Trusted, CancellationToken.None).AsTask();
        suspectHolder!.Dispose();

        Assert.NotNull(await trusted.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(suspect.IsCompleted);
        trustedHolder!.Dispose();
        Assert.NotNull(await suspect.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Suspects_never_hold_every_slot()
    {
        var gate = Gate(slots: 2);
        var first = await gate.EnterAsync(AddressStanding.Suspect, CancellationToken.None);

        var second = gate.EnterAsync(AddressStanding.Suspect, CancellationToken.None).AsTask();
        var unknown = await gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(first);
        Assert.NotNull(unknown);
        Assert.False(second.IsCompleted);
        Assert.Equal(2, gate.Admitted);
    }

    [Fact]
    public async Task A_full_queue_is_answered_at_once_without_hashing()
    {
        var gate = Gate(slots: 1, queued: 1);
        using var holder = await gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None);
        var queued = gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None).AsTask();

        var refused = await gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None);

        Assert.Null(refused);
        Assert.False(queued.IsCompleted);
        Assert.Equal(1, gate.Admitted);
    }

    [Fact]
    public async Task A_waiter_that_gave_up_does_not_take_a_slot()
    {
        var gate = Gate(slots: 1);
        var holder = await gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var abandoned = gate.EnterAsync(AddressStanding.Unknown, giveUp.Token).AsTask();
        var patient = gate.EnterAsync(AddressStanding.Unknown, CancellationToken.None).AsTask();

        await giveUp.CancelAsync();
        holder!.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.NotNull(await patient.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
