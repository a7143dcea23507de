using Lms.Identity.Accounts;
using Lms.Identity.Administration;

namespace Lms.Services.Tests.Administration.Rules;

public sealed class Account_admin_rules
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.CreateVersion7();

    private static User Confirmed() => new() { Id = Guid.CreateVersion7(), EmailConfirmed = true };

    [Fact]
    public void A_suspended_account_says_so_whatever_its_confirmation()
    {
        var unconfirmed = new User { Id = Guid.CreateVersion7() };
        Assert.Equal(AccountStates.Unconfirmed, unconfirmed.State);

        unconfirmed.Suspend(Now);

        Assert.Equal(AccountStates.Suspended, unconfirmed.State);
        Assert.Equal(Now, unconfirmed.SuspendedAt);
    }

    [Fact]
    public void Suspending_twice_and_reinstating_an_active_account_are_refused()
    {
        var user = Confirmed();

        Assert.Null(AccountAdminRules.Suspend(Admin, user, Now));
        Assert.Same(AccountRefusal.AlreadySuspended, AccountAdminRules.Suspend(Admin, user, Now.AddMinutes(1)));
        Assert.Equal(Now, user.SuspendedAt);
        Assert.Null(AccountAdminRules.Reinstate(user));
        Assert.Equal(AccountStates.Active, user.State);
        Assert.Same(AccountRefusal.NotSuspended, AccountAdminRules.Reinstate(user));
    }

    [Fact]
    public void An_admin_never_suspends_or_demotes_their_own_account()
    {
        var self = new User { Id = Admin, EmailConfirmed = true };

        Assert.Same(AccountRefusal.OwnAccount, AccountAdminRules.Suspend(Admin, self, Now));
        Assert.Same(AccountRefusal.OwnAccount, AccountAdminRules.RevokeAdmin(Admin, self, isAdmin: true));
        Assert.False(self.IsSuspended);
    }

    [Fact]
    public void The_admin_role_goes_only_to_an_active_account_that_lacks_it()
    {
        var suspended = Confirmed();
        suspended.Suspend(Now);

        Assert.Null(AccountAdminRules.GrantAdmin(Confirmed(), isAdmin: false));
        Assert.Same(AccountRefusal.AlreadyAdmin, AccountAdminRules.GrantAdmin(Confirmed(), isAdmin: true));
        Assert.Same(AccountRefusal.NotActive, AccountAdminRules.GrantAdmin(suspended, isAdmin: false));
        Assert.Same(AccountRefusal.NotActive, AccountAdminRules.GrantAdmin(new User { Id = Guid.CreateVersion7() }, isAdmin: false));
    }

    [Fact]
    public void The_admin_role_is_taken_only_from_another_admin()
    {
        Assert.Null(AccountAdminRules.RevokeAdmin(Admin, Confirmed(), isAdmin: true));
        Assert.Same(AccountRefusal.NotAdmin, AccountAdminRules.RevokeAdmin(Admin, Confirmed(), isAdmin: false));
    }
}
