# The S3-compatible store for docker-compose.yml: s3rver, the same server and version ./lms runs.
# It creates the bucket (with CORS exposing ETag for browser multipart uploads) every time it starts.
FROM node:20-slim
RUN npm install --global --no-audit --no-fund s3rver@3.7.1 && mkdir -p /data && chown node:node /data
COPY scripts/s3-cors.xml /etc/s3rver/cors.xml
USER node
EXPOSE 4568
HEALTHCHECK --interval=5s --timeout=3s --retries=20 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4568/').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["s3rver", "--address", "0.0.0.0", "--port", "4568", "--directory", "/data"]
CMD ["--configure-bucket", "lms-content", "/etc/s3rver/cors.xml"]
