{
  "targets": [
    {
      "target_name": "beetrace_recorder",
      "sources": ["addon.cc", "batch_writer.cc", "errors.cc", "recorder.cc", "spawn.cc"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "../../../bpf",
        "../../../bpf/.output"
      ],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS", "NAPI_VERSION=8"],
      "cflags_cc": ["-std=c++17", "-fvisibility=hidden", "-Wall", "-Wno-missing-field-initializers"],
      "libraries": ["-lbpf", "-lelf", "-lz"]
    }
  ]
}
