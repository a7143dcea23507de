using Microsoft.Extensions.Options;

namespace Lms.Identity.SignInGuard;

/// <summary>
/// Bounds the password hashing that sign-in does: at most <see cref="SignInGuardOptions.ConcurrentHashes"/> at once
/// (one per core by default), the rest waiting in a bounded queue served by standing (trusted addresses, then unknown,
/// then suspect), and suspect addresses never holding more than half the slots. Each hash is about 100,000 PBKDF2
/// rounds of pure CPU: unbounded, a flood of guesses from many addresses would queue every real user behind it.
/// When the queue is full the caller is told at once (and hashes nothing) rather than waiting without limit.
/// </summary>
public sealed class PasswordHashingGate(IOptions<SignInGuardOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<bool>>[] _waiting = [new(), new(), new()];
    private int _running;
    private int _suspectRunning;
    private long _admitted;

    private int Slots => options.Value.EffectiveConcurrentHashes;

    private int SuspectSlots => Math.Max(1, Slots / 2);

    /// <summary>Hashes let through since start: a refusal that is meant to come before any hashing leaves this unchanged.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Waits for a hashing slot; null when the queue is full (answer 503 and hash nothing).</summary>
    public async ValueTask<Slot?> EnterAsync(AddressStanding standing, CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        lock (_lock)
        {
            if (CanRun(standing) && _waiting.Take((int)standing + 1).All(q => q.Count == 0))
            {
                Start(standing);
                return new Slot(this, standing);
            }

            // Each standing queues on its own, so a flood of suspects cannot fill the queue in front of anyone else.
            var room = standing == AddressStanding.Suspect ? Slots : options.Value.QueuedHashes;
            if (_waiting[(int)standing].Count >= room)
            {
                return null;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[(int)standing].Enqueue(waiter);
        }

        // A waiter whose caller went away is skipped when slots are handed out.
        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task;
        }

        return new Slot(this, standing);
    }

    private bool CanRun(AddressStanding standing) =>
        _running < Slots && (standing != AddressStanding.Suspect || _suspectRunning < SuspectSlots);

    private void Start(AddressStanding standing)
    {
        _running++;
        if (standing == AddressStanding.Suspect)
        {
            _suspectRunning++;
        }
        Interlocked.Increment(ref _admitted);
    }

    private void Leave(AddressStanding standing)
    {
        lock (_lock)
        {
            _running--;
            if (standing == AddressStanding.Suspect)
            {
                _suspectRunning--;
            }

            // Hand freed slots to the best waiters; a waiter cancelled meanwhile is skipped.
            for (var level = 0; level < _waiting.Length; level++)
            {
                var queue = _waiting[level];
                while (queue.Count > 0 && CanRun((AddressStanding)level))
                {
                    var next = queue.Dequeue();
                    if (next.Task.IsCompleted)
                    {
                        continue;
                    }

                    if (next.TrySetResult(true))
                    {
                        Start((AddressStanding)level);
                    }
                }
            }
        }
    }

    /// <summary>A hashing slot, given back when disposed.</summary>
    public sealed class Slot(PasswordHashingGate gate, AddressStanding standing) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(standing);
            }
        }
    }
}
