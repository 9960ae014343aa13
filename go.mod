module github.com/hearsaylab/hearsay

go 1.26
