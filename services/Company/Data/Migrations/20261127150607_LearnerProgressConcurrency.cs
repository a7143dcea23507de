using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Company.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearnerProgressConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
