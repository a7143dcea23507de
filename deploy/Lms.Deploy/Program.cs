using Amazon.CDK;
using Lms.Deploy;

var app = new App();
LmsApp.Build(app);
app.Synth();
