using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Content.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_upload_sessions_state_created_at",
                table: "upload_sessions");

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "upload_sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_upload_sessions_state_expires_at",
                table: "upload_sessions",
                columns: new[] { "state", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_upload_sessions_state_expires_at",
                table: "upload_sessions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "upload_sessions");

            migrationBuilder.CreateIndex(
                name: "ix_upload_sessions_state_created_at",
                table: "upload_sessions",
                columns: new[] { "state", "created_at" });
        }
    }
}
