package com.example.forks;

@SharedStack
class SharedSixIT extends UsesTheBox {
}
