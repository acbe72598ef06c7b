// Cloud media processing as infrastructure: Alibaba Cloud MPS smart-production jobs and pipelines, Tencent Cloud Infinite media jobs, batch jobs and queues.
package mediajobs
